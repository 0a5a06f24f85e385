package org.chargingmanager.eichrecht.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.VerificationStatus;

/** Transactions for tests. */
public final class Transactions {

    private Transactions() {
    }

    public static Transaction open(long id, String evseId, String start, long meterStartWattHours) {
        return new Transaction(id, evseId, "CB1", 1, "user", "04AB076A", OffsetDateTime.parse(start), null,
                meterStartWattHours, null, null, List.of(), VerificationStatus.NONE);
    }

    public static Transaction closed(Transaction open, String end, long meterStopWattHours) {
        return new Transaction(open.id(), open.evseId(), open.chargeBoxId(), open.connectorId(), open.userId(),
                open.idTag(), open.start(), OffsetDateTime.parse(end), open.meterStartWattHours(), meterStopWattHours,
                "EVDisconnected", open.signedMeterValues(), open.signatureStatus());
    }

    public static Transaction withSignedData(Transaction t, String... beginThenEnd) {
        String[] contexts = {"Transaction.Begin", "Transaction.End"};
        List<SignedMeterValue> values = new java.util.ArrayList<>();
        for (int i = 0; i < beginThenEnd.length; i++) {
            values.add(new SignedMeterValue(beginThenEnd[i], contexts[Math.min(i, 1)], t.start().toInstant(),
                    VerificationStatus.VERIFIED, ""));
        }
        return new Transaction(t.id(), t.evseId(), t.chargeBoxId(), t.connectorId(), t.userId(), t.idTag(), t.start(),
                t.end(), t.meterStartWattHours(), t.meterStopWattHours(), t.stopReason(), values,
                VerificationStatus.VERIFIED);
    }
}
