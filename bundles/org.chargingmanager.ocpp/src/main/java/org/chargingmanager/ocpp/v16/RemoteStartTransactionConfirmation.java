package org.chargingmanager.ocpp.v16;

/**
 * RemoteStartTransaction.conf: the answer to a {@link RemoteStartTransactionRequest}.
 */
public record RemoteStartTransactionConfirmation(
        RemoteStartStopStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.REMOTE_START_TRANSACTION;
    }
}
