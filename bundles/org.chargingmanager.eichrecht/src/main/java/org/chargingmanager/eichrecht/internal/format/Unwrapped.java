package org.chargingmanager.eichrecht.internal.format;

/**
 * Signed data taken out of its OCPP transport wrapping.
 *
 * @param data the signed data itself, for example {@code OCMF|...|...}
 * @param containerPublicKey a public key the wrapping carried (OCA container), or {@code null};
 *        like any key that comes with the data, it is never trusted
 * @param encodingMethod the container's {@code encodingMethod}, or {@code null}
 */
public record Unwrapped(String data, String containerPublicKey, String encodingMethod) {
}
