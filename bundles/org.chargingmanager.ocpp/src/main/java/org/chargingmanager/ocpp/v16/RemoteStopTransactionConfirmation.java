package org.chargingmanager.ocpp.v16;

/**
 * RemoteStopTransaction.conf: the answer to a {@link RemoteStopTransactionRequest}.
 */
public record RemoteStopTransactionConfirmation(
        RemoteStartStopStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.REMOTE_STOP_TRANSACTION;
    }
}
