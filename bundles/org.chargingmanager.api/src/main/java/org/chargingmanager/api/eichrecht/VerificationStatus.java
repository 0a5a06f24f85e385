package org.chargingmanager.api.eichrecht;

/** The result of checking signed meter data against a trusted public key. */
public enum VerificationStatus {
    /** The signature verifies with the trusted key (green lock). */
    VERIFIED,
    /** The signature or the key does not match: never billable (red). */
    FAILED,
    /** Cannot be checked: no trusted key yet, or an unsupported format (yellow). */
    NOT_VERIFIABLE,
    /** There is no signed data. */
    NONE
}
