package org.chargingmanager.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The open session of each charging point from the transaction log, for the dashboard's user
 * and session energy. Each charging point's answer is kept for {@link #MAXIMUM_AGE}, so live
 * streams that look every 250 ms do not query the database that often. Without a transaction
 * log (no billing bundle) there are no sessions.
 */
final class OpenSessions {

    static final Duration MAXIMUM_AGE = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(OpenSessions.class);

    private record Entry(Optional<Transaction> transaction, Instant readAt) {
    }

    private final Supplier<TransactionLog> log;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean failureLogged;

    OpenSessions(Supplier<TransactionLog> log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    Optional<Transaction> find(String evseId) {
        TransactionLog transactionLog = log.get();
        if (transactionLog == null) {
            entries.clear();
            return Optional.empty();
        }
        Instant now = clock.instant();
        Entry entry = entries.get(evseId);
        if (entry != null && now.isBefore(entry.readAt().plus(MAXIMUM_AGE))) {
            return entry.transaction();
        }
        Optional<Transaction> open;
        try {
            open = transactionLog.findOpen(evseId);
            failureLogged = false;
        } catch (TransactionLogException | RuntimeException e) {
            if (!failureLogged) {
                LOG.warn("Dashboard: cannot read the open sessions from the transaction log: {}", e.getMessage());
                failureLogged = true;
            }
            open = Optional.empty();
        }
        if (entries.size() > 10_000) {
            entries.clear();
        }
        entries.put(evseId, new Entry(open, now));
        return open;
    }
}
