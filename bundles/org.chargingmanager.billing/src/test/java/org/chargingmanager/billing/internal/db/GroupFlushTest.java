package org.chargingmanager.billing.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.billing.internal.log.JdbcTransactionLog;
import org.junit.jupiter.api.Test;

class GroupFlushTest {

    @Test
    void everyCallerReturnsOnlyAfterAFlushThatBeganAfterItsCommit() throws Exception {
        GroupFlush groupFlush = new GroupFlush();
        AtomicLong events = new AtomicLong();
        AtomicLong lastFlushBegan = new AtomicLong(-1);
        int callers = 32;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(callers);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(threads.submit(() -> {
                    go.await();
                    long commit = events.incrementAndGet();
                    groupFlush.awaitDurable(() -> {
                        long began = events.incrementAndGet();
                        try {
                            Thread.sleep(3);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        lastFlushBegan.set(began);
                    });
                    return new long[] {commit, lastFlushBegan.get()};
                }));
            }
            go.countDown();
            for (Future<long[]> result : results) {
                long[] commitAndFlush = result.get();
                assertThat(commitAndFlush[1]).as("a flush began after the commit before the caller returned")
                        .isGreaterThan(commitAndFlush[0]);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(groupFlush.flushes()).as("commits that arrived together shared flushes").isLessThan(callers);
    }

    @Test
    void aFailedFlushCoversNobody() throws Exception {
        GroupFlush groupFlush = new GroupFlush();
        assertThatThrownBy(() -> groupFlush.awaitDurable(() -> {
            throw new SQLException("disk full");
        })).hasMessage("disk full");
        AtomicLong ran = new AtomicLong();
        groupFlush.awaitDurable(ran::incrementAndGet);
        assertThat(ran.get()).as("the next caller flushes again").isEqualTo(1);
        assertThat(groupFlush.flushes()).isEqualTo(1);
    }

    @Test
    void concurrentStartsOnH2AreAllStoredWithFewerSyncsThanCommits() throws Exception {
        try (Database database = Backend.H2.open(Backend.H2.newDatabaseUrl())) {
            JdbcTransactionLog log = new JdbcTransactionLog(database);
            int threadCount = 8;
            int perThread = 25;
            ExecutorService threads = Executors.newFixedThreadPool(threadCount);
            List<Future<List<Long>>> results = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            for (int t = 0; t < threadCount; t++) {
                int thread = t;
                results.add(threads.submit((Callable<List<Long>>) () -> {
                    go.await();
                    List<Long> ids = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        Transaction started = log.start(new TransactionStart("cp" + thread + "-" + i, "cp" + thread, 1,
                                null, "TAG" + i, OffsetDateTime.parse("2026-12-07T01:00:00Z"), 1000L * i));
                        ids.add(started.id());
                    }
                    return ids;
                }));
            }
            go.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<List<Long>> result : results) {
                ids.addAll(result.get());
            }
            threads.shutdown();
            assertThat(ids).hasSize(threadCount * perThread).doesNotHaveDuplicates();
            for (long id : ids) {
                assertThat(log.find(id)).as("transaction %d", id).isPresent();
            }
            assertThat(database.flushes()).as("CHECKPOINT SYNCs for %d commits", ids.size())
                    .isPositive().isLessThan(ids.size());
        }
    }
}
