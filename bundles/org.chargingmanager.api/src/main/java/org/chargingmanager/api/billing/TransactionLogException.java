package org.chargingmanager.api.billing;

/** The transaction log could not record or read a session, for example the database is down. */
public class TransactionLogException extends Exception {

    private static final long serialVersionUID = 1L;

    public TransactionLogException(String message) {
        super(message);
    }

    public TransactionLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
