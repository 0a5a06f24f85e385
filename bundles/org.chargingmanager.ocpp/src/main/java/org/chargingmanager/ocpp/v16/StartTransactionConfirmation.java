package org.chargingmanager.ocpp.v16;

/**
 * StartTransaction.conf: the answer to a {@link StartTransactionRequest}.
 */
public record StartTransactionConfirmation(
        IdTagInfo idTagInfo,
        int transactionId) implements Confirmation {

    @Override
    public Action action() {
        return Action.START_TRANSACTION;
    }
}
