package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * StopTransaction.conf: the answer to a {@link StopTransactionRequest}.
 */
public record StopTransactionConfirmation(
        @OptionalField IdTagInfo idTagInfo) implements Confirmation {

    @Override
    public Action action() {
        return Action.STOP_TRANSACTION;
    }
}
