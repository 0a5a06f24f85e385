package org.chargingmanager.api.billing;

import java.util.Optional;
import java.util.function.Consumer;

import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The log of charging sessions that billing relies on. Every method that changes the log has
 * committed the change to durable storage when it returns, so a driver may then confirm it to
 * the charger. Nothing is deleted before its retention period of 6 years.
 */
@ProviderType
public interface TransactionLog {

    Transaction start(TransactionStart start) throws TransactionLogException;

    /** Closes an open session; closing one that is already closed returns it unchanged. */
    Transaction stop(long transactionId, TransactionStop stop) throws TransactionLogException;

    Optional<Transaction> find(long transactionId) throws TransactionLogException;

    /** The open session on a charging point, if any; survives restarts. */
    Optional<Transaction> findOpen(String evseId) throws TransactionLogException;

    /** Attaches signed meter data to a session, byte for byte. */
    Transaction attachSignedMeterValue(long transactionId, SignedMeterValue value) throws TransactionLogException;

    /** Streams the matching sessions, oldest first, to {@code consumer} without holding them all in memory. */
    void stream(TransactionQuery query, Consumer<Transaction> consumer) throws TransactionLogException;
}
