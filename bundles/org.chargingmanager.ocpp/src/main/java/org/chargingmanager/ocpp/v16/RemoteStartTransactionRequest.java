package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * RemoteStartTransaction.req (central system → charge point, profile Core): asks the charge point
 * to start a transaction for an idTag.
 *
 * @param chargingProfile a profile of purpose TxProfile for this transaction
 */
public record RemoteStartTransactionRequest(
        @OptionalField @Minimum(1) Integer connectorId,
        @MaxLength(20) String idTag,
        @OptionalField ChargingProfile chargingProfile) implements Request {

    @Override
    public Action action() {
        return Action.REMOTE_START_TRANSACTION;
    }
}
