package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * ExtendedTriggerMessage.req (central system → charge point, profile Security): like
 * TriggerMessage, with the security extension's messages (security extension).
 */
public record ExtendedTriggerMessageRequest(
        MessageTriggerExtended requestedMessage,
        @OptionalField @Minimum(0) Integer connectorId) implements Request {

    @Override
    public Action action() {
        return Action.EXTENDED_TRIGGER_MESSAGE;
    }
}
