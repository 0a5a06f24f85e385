package org.chargingmanager.api.eichrecht;

/**
 * What {@link TrustedKeys#admit(String, String)} decided about signed meter data that arrived
 * for a charging point.
 *
 * @param result the verification against the charging point's stored key
 * @param accepted {@code true} if the data may be stored as billing data; {@code false} if it
 *        was rejected because it does not verify with the stored key (a security event)
 * @param key the stored key it was checked against after the call, or {@code null} if none
 */
public record SignedDataAdmission(VerificationResult result, boolean accepted, TrustedKey key) {
}
