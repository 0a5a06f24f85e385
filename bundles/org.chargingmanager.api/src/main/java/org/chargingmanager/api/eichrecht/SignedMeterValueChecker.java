package org.chargingmanager.api.eichrecht;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Checks signed meter data (German calibration law, "Eichrecht") against a trusted key.
 *
 * <p>The signed bytes are the data exactly as received: implementations never re-serialise it.
 * A key that arrives inside the data is reported in
 * {@link VerificationResult#embeddedPublicKey()} but never used to verify; when it differs from
 * the trusted key, the result is {@link VerificationStatus#FAILED}.
 */
@ProviderType
public interface SignedMeterValueChecker {

    /**
     * @param signedData the raw signed data, for example {@code OCMF|{...}|{...}}
     * @param trustedPublicKey the meter's public key as stored in the charging point's settings
     *        (hex DER SubjectPublicKeyInfo, hex raw X||Y, or PEM), or {@code null} if none is
     *        stored: then the result is at best {@link VerificationStatus#NOT_VERIFIABLE}
     */
    VerificationResult verify(String signedData, String trustedPublicKey);
}
