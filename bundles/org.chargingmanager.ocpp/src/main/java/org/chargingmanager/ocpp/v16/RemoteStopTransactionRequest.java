package org.chargingmanager.ocpp.v16;

/**
 * RemoteStopTransaction.req (central system → charge point, profile Core): asks the charge point
 * to stop a transaction.
 */
public record RemoteStopTransactionRequest(
        int transactionId) implements Request {

    @Override
    public Action action() {
        return Action.REMOTE_STOP_TRANSACTION;
    }
}
