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
 */
public record Transaction(long id, String evseId, String chargeBoxId, int connectorId, String userId, String idTag,
        OffsetDateTime start, OffsetDateTime end, long meterStartWattHours, Long meterStopWattHours,
        String stopReason, List<SignedMeterValue> signedMeterValues, VerificationStatus signatureStatus) {

    public Transaction {
        signedMeterValues = signedMeterValues == null ? List.of() : List.copyOf(signedMeterValues);
        signatureStatus = signatureStatus == null ? VerificationStatus.NONE : signatureStatus;
    }

    public boolean open() {
        return end == null;
    }

    /** Energy charged in this session, or 0 while it is open. */
    public long energyWattHours() {
        return meterStopWattHours == null ? 0 : meterStopWattHours - meterStartWattHours;
    }
}
