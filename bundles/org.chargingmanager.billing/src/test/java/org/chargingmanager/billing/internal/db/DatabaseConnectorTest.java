package org.chargingmanager.billing.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The billing database is opened even when it comes up after the charging manager. */
class DatabaseConnectorTest {

    private static final Duration QUICK = Duration.ofMillis(50);

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
