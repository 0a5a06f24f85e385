package org.chargingmanager.billing.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.billing.TransactionStart;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The billing database is opened even when it comes up after the charging manager. */
class DatabaseConnectorTest {

    private static final Duration QUICK = Duration.ofMillis(50);

    /** Polls a condition for up to 10 s. */
    private static final class Await {
        static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition not met within 10 s");
                }
                Thread.sleep(10);
            }
        }
    }

    @TempDir
    Path directory;

    @Test
    void waitsTwiceAsLongAfterEachFailureUpToOnceAMinute() {
        DatabaseConnector connector = new DatabaseConnector(() -> {
            throw new IllegalArgumentException("never opened");
        }, database -> { }, DatabaseConnector.FIRST_RETRY, DatabaseConnector.LONGEST_RETRY);
        try {
            assertThat(connector.retryDelay(1)).hasSeconds(2);
            assertThat(connector.retryDelay(2)).hasSeconds(4);
            assertThat(connector.retryDelay(5)).hasSeconds(32);
            assertThat(connector.retryDelay(6)).hasSeconds(60);
            assertThat(connector.retryDelay(500)).hasSeconds(60);
        } finally {
            connector.close();
        }
    }

    @Test
    void aDatabaseThatFailsIsTriedAgainUntilItOpens() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        BlockingQueue<Database> published = new LinkedBlockingQueue<>();
        DatabaseConnector connector = new DatabaseConnector(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("Connection refused");
            }
            return new Database(Database.h2Url(directory), "", "", 1);
        }, published::add, QUICK, QUICK);
        try {
            Database database = published.poll(10, TimeUnit.SECONDS);
            assertThat(database).isNotNull();
            assertThat(attempts).hasValue(3);
            try (Connection connection = database.dataSource().getConnection()) {
                assertThat(Database.currentVersion(connection)).isEqualTo(Migrations.ALL.size());
            }
        } finally {
            connector.close();
        }
    }

    @Test
    void untilTheDatabaseOpensTheTransactionLogRefusesWithTheReasonAndIsWithdrawnOnlyAfterTheDatabaseCame()
            throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        CountDownLatch thirdAttempt = new CountDownLatch(1);
        List<String> events = new CopyOnWriteArrayList<>();
        AtomicReference<TransactionLog> notOpenLog = new AtomicReference<>();
        BlockingQueue<Database> published = new LinkedBlockingQueue<>();
        DatabaseConnector connector = new DatabaseConnector(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new SQLException("Connection refused");
            }
            thirdAttempt.await();
            return new Database(Database.h2Url(directory), "", "", 1);
        }, database -> {
            events.add("database");
            published.add(database);
        }, log -> {
            events.add("not-open log offered");
            notOpenLog.set(log);
            return () -> events.add("not-open log withdrawn");
        }, QUICK, QUICK);
        try {
            assertThat(events).containsExactly("not-open log offered");
            while (attempts.get() < 3) {
                Thread.sleep(10);
            }
            TransactionStart start = new TransactionStart("ocpp-CP1-1", "CP1", 1, null, "TAG",
                    OffsetDateTime.parse("2026-12-07T10:00:00Z"), 1000);
            assertThatThrownBy(() -> notOpenLog.get().start(start)).isInstanceOf(TransactionLogException.class)
                    .hasMessageContaining("not open yet").hasMessageContaining("attempt 2").hasMessageContaining("Connection refused");
            assertThatThrownBy(() -> notOpenLog.get().find(1)).isInstanceOf(TransactionLogException.class);

            thirdAttempt.countDown();
            assertThat(published.poll(10, TimeUnit.SECONDS)).isNotNull();
            Await.until(() -> events.size() == 3);
            assertThat(events).containsExactly("not-open log offered", "database", "not-open log withdrawn");
            connector.close();
            assertThat(events).as("withdrawn once").hasSize(3);
        } finally {
            thirdAttempt.countDown();
            connector.close();
        }
    }

    @Test
    void aDatabaseConfigurationThatCannotWorkLeavesTheLogRefusingWithWhatToFix() throws Exception {
        AtomicReference<TransactionLog> notOpenLog = new AtomicReference<>();
        AtomicInteger withdrawn = new AtomicInteger();
        CountDownLatch attempted = new CountDownLatch(1);
        DatabaseConnector connector = new DatabaseConnector(() -> {
            try {
                return new Database("jdbc:mysql://localhost/billing", "", "", 1);
            } finally {
                attempted.countDown();
            }
        }, database -> { }, log -> {
            notOpenLog.set(log);
            return withdrawn::incrementAndGet;
        }, QUICK, QUICK);
        try {
            assertThat(attempted.await(10, TimeUnit.SECONDS)).isTrue();
            Await.until(() -> {
                try {
                    notOpenLog.get().findOpen("ocpp-CP1-1");
                    return false;
                } catch (TransactionLogException e) {
                    return e.getMessage().contains("fix its configuration");
                }
            });
            assertThat(withdrawn).hasValue(0);
        } finally {
            connector.close();
        }
        assertThat(withdrawn).as("withdrawn when the connector stops").hasValue(1);
    }

    @Test
    void anUnsupportedUrlIsNotRetried() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        DatabaseConnector connector = new DatabaseConnector(() -> {
            attempts.incrementAndGet();
            return new Database("jdbc:mysql://localhost/billing", "", "", 1);
        }, database -> { }, QUICK, QUICK);
        try {
            Thread.sleep(QUICK.multipliedBy(6).toMillis());
            assertThat(attempts).hasValue(1);
        } finally {
            connector.close();
        }
    }

    @Test
    void postgresqlStartedAfterTheChargingManagerIsUsedOnceItRuns() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        AtomicInteger attempts = new AtomicInteger();
        BlockingQueue<Database> published = new LinkedBlockingQueue<>();
        DatabaseConnector connector = new DatabaseConnector(() -> {
            attempts.incrementAndGet();
            return new Database(url, "postgres", "", 2);
        }, published::add, Duration.ofMillis(200), Duration.ofMillis(200));
        try {
            while (attempts.get() < 2) {
                Thread.sleep(20);
            }
            assertThat(published).isEmpty();
            try (EmbeddedPostgres server = EmbeddedPostgres.builder().setPort(port)
                    .setServerConfig("listen_addresses", "127.0.0.1").start()) {
                Database database = published.poll(30, TimeUnit.SECONDS);
                assertThat(database).as("opened after PostgreSQL came up").isNotNull();
                assertThat(database.dialect()).isEqualTo(Dialect.POSTGRESQL);
                connector.close();
            }
        } finally {
            connector.close();
        }
    }
}
