package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.AnyJsonAllowedAsText;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * DataTransfer.conf: the answer to a {@link DataTransferRequest}.
 *
 * @param data free text; a JSON value that is not a string arrives as its JSON text
 */
public record DataTransferConfirmation(
        DataTransferStatus status,
        @OptionalField @AnyJsonAllowedAsText String data) implements Confirmation {

    @Override
    public Action action() {
        return Action.DATA_TRANSFER;
    }
}
