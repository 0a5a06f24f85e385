package org.chargingmanager.ocpp.v16;

/**
 * ExtendedTriggerMessage.conf: the answer to a {@link ExtendedTriggerMessageRequest}.
 */
public record ExtendedTriggerMessageConfirmation(
        TriggerMessageStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.EXTENDED_TRIGGER_MESSAGE;
    }
}
