package org.chargingmanager.ocpp.v16;

/**
 * UnlockConnector.conf: the answer to a {@link UnlockConnectorRequest}.
 */
public record UnlockConnectorConfirmation(
        UnlockStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.UNLOCK_CONNECTOR;
    }
}
