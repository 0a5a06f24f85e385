package org.chargingmanager.api.billing;

import java.time.OffsetDateTime;
import java.util.List;

import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.VerificationStatus;

/**
 * A charging session in the transaction log.
 *
 * @param id assigned by the log; the OCPP transactionId
 * @param end {@code null} while the session is open
 * @param meterStopWattHours {@code null} while the session is open
 * @param stopReason {@code null} while the session is open
 * @param signedMeterValues signed data received for this session, in order of arrival
 * @param signatureStatus the summary: {@link VerificationStatus#NONE} without signed data
 * @param cost the price slots the session used and what it cost; {@link TransactionCost#UNKNOWN}
 *        if not tracked
 */
public record Transaction(long id, String evseId, String chargeBoxId, int connectorId, String userId, String idTag,
        OffsetDateTime start, OffsetDateTime end, long meterStartWattHours, Long meterStopWattHours,
        String stopReason, List<SignedMeterValue> signedMeterValues, VerificationStatus signatureStatus,
        TransactionCost cost) {

    public Transaction {
        signedMeterValues = signedMeterValues == null ? List.of() : List.copyOf(signedMeterValues);
        signatureStatus = signatureStatus == null ? VerificationStatus.NONE : signatureStatus;
        cost = cost == null ? TransactionCost.UNKNOWN : cost;
    }

    /** A session without cost information ({@link TransactionCost#UNKNOWN}), as before version 1.1 of this package. */
    public Transaction(long id, String evseId, String chargeBoxId, int connectorId, String userId, String idTag,
            OffsetDateTime start, OffsetDateTime end, long meterStartWattHours, Long meterStopWattHours,
            String stopReason, List<SignedMeterValue> signedMeterValues, VerificationStatus signatureStatus) {
        this(id, evseId, chargeBoxId, connectorId, userId, idTag, start, end, meterStartWattHours, meterStopWattHours,
                stopReason, signedMeterValues, signatureStatus, TransactionCost.UNKNOWN);
    }

    /** The same session with another cost. */
    public Transaction withCost(TransactionCost newCost) {
        return new Transaction(id, evseId, chargeBoxId, connectorId, userId, idTag, start, end, meterStartWattHours,
                meterStopWattHours, stopReason, signedMeterValues, signatureStatus, newCost);
    }

    public boolean open() {
        return end == null;
    }

    /** Energy charged in this session, or 0 while it is open. */
    public long energyWattHours() {
        return meterStopWattHours == null ? 0 : meterStopWattHours - meterStartWattHours;
    }
}
