package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * TriggerMessage.req (central system → charge point, profile Remote Trigger): asks the charge
 * point to send a message now.
 */
public record TriggerMessageRequest(
        MessageTrigger requestedMessage,
        @OptionalField @Minimum(0) Integer connectorId) implements Request {

    @Override
    public Action action() {
        return Action.TRIGGER_MESSAGE;
    }
}
