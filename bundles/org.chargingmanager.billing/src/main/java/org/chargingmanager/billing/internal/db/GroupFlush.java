package org.chargingmanager.billing.internal.db;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Group commit: many threads that committed at about the same time wait for one flush to the
 * device instead of one each. A caller takes a ticket after its commit; whoever flushes first
 * notes the newest ticket before it starts, and that flush covers every commit up to it. Callers
 * whose ticket is covered when they get their turn return without flushing again. A failed flush
 * covers nobody: its caller gets the error, the next one tries again.
 */
final class GroupFlush {

    /** The flush itself, e.g. {@code CHECKPOINT SYNC} on the caller's connection. */
    @FunctionalInterface
    interface Flush {
        void run() throws SQLException;
    }

    private final AtomicLong tickets = new AtomicLong();
    private final Object lock = new Object();
    /** Every commit with a ticket up to this one is on the device. Guarded by {@link #lock}. */
    private long durableUpTo;
    private long flushes;

    /** Returns once the caller's earlier commit is durable, flushing itself if no one else did. */
    void awaitDurable(Flush flush) throws SQLException {
        long ticket = tickets.incrementAndGet();
        synchronized (lock) {
            if (durableUpTo >= ticket) {
                return;
            }
            long covered = tickets.get();
            flush.run();
            durableUpTo = covered;
            flushes++;
        }
    }

    /** How many flushes ran (for tests and benchmarks). */
    long flushes() {
        synchronized (lock) {
            return flushes;
        }
    }
}
