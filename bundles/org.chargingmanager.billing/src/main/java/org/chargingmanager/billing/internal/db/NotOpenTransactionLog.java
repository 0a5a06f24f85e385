package org.chargingmanager.billing.internal.db;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.eichrecht.SignedMeterValue;

/**
 * The transaction log while the billing database is not open yet (at start, or PostgreSQL
 * unreachable): every call fails with the reason, so the OCPP server answers a StartTransaction
 * with CALLERROR InternalError and the charger sends it again later, instead of the server
 * giving it an ID that no log holds. Offered with the lowest ranking and
 * {@value #AVAILABLE_PROPERTY}{@code =false} by the {@link DatabaseConnector}, withdrawn once the
 * database is open and the real log is registered.
 */
public final class NotOpenTransactionLog implements TransactionLog {

    /** Service property: false on this log; billing's own components filter it out. */
    static final String AVAILABLE_PROPERTY = "transactionLog.available";
    /** The target filter of components that must wait for the real log. */
    public static final String REAL_LOG_ONLY = "(!(" + AVAILABLE_PROPERTY + "=false))";

    private final Supplier<String> reason;

    NotOpenTransactionLog(Supplier<String> reason) {
        this.reason = reason;
    }

    private TransactionLogException notOpen() {
        return new TransactionLogException("the billing database is not open yet: " + reason.get());
    }

    @Override
    public Transaction start(TransactionStart start) throws TransactionLogException {
        throw notOpen();
    }

    @Override
    public Transaction stop(long transactionId, TransactionStop stop) throws TransactionLogException {
        throw notOpen();
    }

    @Override
    public Optional<Transaction> find(long transactionId) throws TransactionLogException {
        throw notOpen();
    }

    @Override
    public Optional<Transaction> findOpen(String evseId) throws TransactionLogException {
        throw notOpen();
    }

    @Override
    public Transaction attachSignedMeterValue(long transactionId, SignedMeterValue value) throws TransactionLogException {
        throw notOpen();
    }

    @Override
    public void stream(TransactionQuery query, Consumer<Transaction> consumer) throws TransactionLogException {
        throw notOpen();
    }
}
