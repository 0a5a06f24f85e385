package org.chargingmanager.billing.internal.log;

import java.util.Optional;
import java.util.function.Consumer;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;

/**
 * The transaction log whenever the billing database is not open (at start, PostgreSQL not
 * reachable, while its configuration changes): every call fails, so the OCPP server answers a
 * StartTransaction with CALLERROR InternalError and the charger sends it again later, instead of
 * the server giving it an ID that no log holds. Registered as long as the billing bundle runs,
 * with the lowest ranking and {@value #AVAILABLE_PROPERTY}{@code =false}: a consumer with a
 * greedy reference has the real log whenever it is there and this one otherwise; a static
 * consumer that must wait for the real log uses the target {@link #REAL_LOG_ONLY}.
 */
@Component(service = TransactionLog.class, property = {
        Constants.SERVICE_RANKING + ":Integer=" + Integer.MIN_VALUE,
        NotOpenTransactionLog.AVAILABLE_PROPERTY + ":Boolean=false" })
public final class NotOpenTransactionLog implements TransactionLog {

    /** Service property: false on this log. */
    public static final String AVAILABLE_PROPERTY = "transactionLog.available";
    /** The target filter of components that must wait for the real log. */
    public static final String REAL_LOG_ONLY = "(!(" + AVAILABLE_PROPERTY + "=false))";

    private static TransactionLogException notOpen() {
        return new TransactionLogException("the billing database is not open (it is tried again; the billing log says why)");
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
