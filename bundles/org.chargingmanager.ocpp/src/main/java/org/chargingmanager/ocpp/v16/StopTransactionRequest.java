package org.chargingmanager.ocpp.v16;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * StopTransaction.req (charge point → central system, profile Core): reports that a transaction
 * stopped, with its final meter reading and optionally its meter values (which may be signed).
 *
 * @param meterStop energy register at the end in Wh
 * @param reason absent means Local
 */
public record StopTransactionRequest(
        @OptionalField @MaxLength(20) String idTag,
        @Minimum(0) int meterStop,
        Instant timestamp,
        int transactionId,
        @OptionalField Reason reason,
        @OptionalField List<MeterValue> transactionData) implements Request {

    @Override
    public Action action() {
        return Action.STOP_TRANSACTION;
    }
}
