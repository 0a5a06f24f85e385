package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;

/**
 * Identifies a certificate by hashes of its issuer and its serial number (security extension).
 *
 * @param issuerNameHash hex-encoded hash of the issuer's distinguished name
 * @param issuerKeyHash hex-encoded hash of the issuer's public key
 * @param serialNumber the certificate's serial number in hex
 */
public record CertificateHashData(
        HashAlgorithm hashAlgorithm,
        @MaxLength(128) String issuerNameHash,
        @MaxLength(128) String issuerKeyHash,
        @MaxLength(40) String serialNumber) {
}
