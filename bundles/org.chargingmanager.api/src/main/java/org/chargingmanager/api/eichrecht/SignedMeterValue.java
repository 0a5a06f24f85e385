package org.chargingmanager.api.eichrecht;

import java.time.Instant;

import org.chargingmanager.api.billing.Transaction;

/**
 * Signed meter data attached to a transaction, kept byte for byte as received.
 *
 * @param rawData the data as received
 * @param context where it came from, for example the OCPP ReadingContext {@code Transaction.Begin}
 * @param receivedAt when the charging manager received it
 * @param status the verification result at the time it was stored
 * @param reason why, when not verified
 */
public record SignedMeterValue(String rawData, String context, Instant receivedAt, VerificationStatus status,
        String reason) {

    public SignedMeterValue {
        reason = reason == null ? "" : reason;
    }
}
