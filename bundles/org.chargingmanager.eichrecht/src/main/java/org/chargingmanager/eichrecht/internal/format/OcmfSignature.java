package org.chargingmanager.eichrecht.internal.format;

/**
 * The signature section of an OCMF record.
 *
 * @param algorithm {@code SA}, {@code null} for the default ECDSA-secp256r1-SHA256
 * @param encoding {@code SE}, {@code null} for the default {@code hex}
 * @param mimeType {@code SM}, {@code null} for the default {@code application/x-der}
 * @param data {@code SD}
 */
public record OcmfSignature(String algorithm, String encoding, String mimeType, String data) {
}
