package org.chargingmanager.eichrecht;

import java.time.Instant;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionQuery;

/**
 * Which transactions an export covers: one transaction, one charging point, or all, each with
 * an optional time range on the start time ({@code from} inclusive, {@code to} exclusive).
 */
public record ExportSelection(Long transactionId, String evseId, Instant from, Instant to) {

    public static ExportSelection transaction(long transactionId) {
        return new ExportSelection(transactionId, null, null, null);
    }

    public static ExportSelection evse(String evseId, Instant from, Instant to) {
        return new ExportSelection(null, evseId, from, to);
    }

    public static ExportSelection all(Instant from, Instant to) {
        return new ExportSelection(null, null, from, to);
    }

    /** The query to stream from the transaction log (for one transaction, use its ID with {@code find}). */
    public TransactionQuery query() {
        return new TransactionQuery(from, to, evseId, null, 0, 0);
    }

    public boolean includes(Transaction transaction) {
        Instant start = transaction.start() == null ? null : transaction.start().toInstant();
        return (transactionId == null || transactionId == transaction.id())
                && (evseId == null || evseId.equals(transaction.evseId()))
                && (from == null || (start != null && !start.isBefore(from)))
                && (to == null || (start != null && start.isBefore(to)));
    }
}
