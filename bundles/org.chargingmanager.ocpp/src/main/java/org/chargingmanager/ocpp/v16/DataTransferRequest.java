package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.AnyJsonAllowedAsText;
import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * DataTransfer.req (either direction, profile Core): vendor-specific data, in either direction.
 *
 * @param data free text; a JSON value that is not a string arrives as its JSON text
 */
public record DataTransferRequest(
        @MaxLength(255) String vendorId,
        @OptionalField @MaxLength(50) String messageId,
        @OptionalField @AnyJsonAllowedAsText String data) implements Request {

    @Override
    public Action action() {
        return Action.DATA_TRANSFER;
    }
}
