package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * StartTransaction.req (charge point → central system, profile Core): reports that a transaction
 * started.
 *
 * @param meterStart energy register at the start in Wh
 */
public record StartTransactionRequest(
        @Minimum(1) int connectorId,
        @MaxLength(20) String idTag,
        @Minimum(0) int meterStart,
        @OptionalField Integer reservationId,
        Instant timestamp) implements Request {

    @Override
    public Action action() {
        return Action.START_TRANSACTION;
    }
}
