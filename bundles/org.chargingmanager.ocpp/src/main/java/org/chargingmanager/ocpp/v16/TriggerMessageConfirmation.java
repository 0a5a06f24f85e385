package org.chargingmanager.ocpp.v16;

/**
 * TriggerMessage.conf: the answer to a {@link TriggerMessageRequest}.
 */
public record TriggerMessageConfirmation(
        TriggerMessageStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.TRIGGER_MESSAGE;
    }
}
