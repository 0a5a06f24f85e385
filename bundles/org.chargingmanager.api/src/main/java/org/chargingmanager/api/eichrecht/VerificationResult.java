package org.chargingmanager.api.eichrecht;

import java.util.List;

/**
 * What {@link SignedMeterValueChecker} found.
 *
 * @param status verified, failed or not verifiable
 * @param reason why, in words for a user; empty when verified
 * @param format the recognised format, for example {@code OCMF} or {@code ALFEN}; {@code UNKNOWN} otherwise
 * @param embeddedPublicKey the public key that came inside the data (hex), or {@code null};
 *        it is never trusted on its own
 * @param readings the readings the data contains, as signed
 */
public record VerificationResult(VerificationStatus status, String reason, String format,
        String embeddedPublicKey, List<SignedReading> readings) {

    public VerificationResult {
        reason = reason == null ? "" : reason;
        readings = readings == null ? List.of() : List.copyOf(readings);
    }
}
