package org.chargingmanager.ocpp.v16;

/**
 * Reset.conf: the answer to a {@link ResetRequest}.
 */
public record ResetConfirmation(
        ResetStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.RESET;
    }
}
