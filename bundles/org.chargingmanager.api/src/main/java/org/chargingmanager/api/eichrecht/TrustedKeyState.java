package org.chargingmanager.api.eichrecht;

/** How far a charging point's stored meter public key is trusted. */
public enum TrustedKeyState {
    /** Entered or confirmed by the admin: data verified with it is shown with a green lock. */
    CONFIRMED,
    /**
     * Taken automatically from signed data or from the charger's configuration because no key was
     * stored. Data is checked against it (and rejected when it does not match), but a matching
     * signature stays "not verifiable" until the admin confirms the key against a trusted source.
     */
    UNCONFIRMED
}
