package org.chargingmanager.billing.internal.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The two databases every storage test runs against: an H2 file in a fresh directory, and a
 * real PostgreSQL server (started once per test JVM from Maven Central's binaries) with a
 * fresh database per test.
 */
public enum Backend {
    H2 {
        @Override
        public String newDatabaseUrl() {
            try {
                Path base = Paths.get("target", "test-databases").toAbsolutePath();
                Files.createDirectories(base);
                return Database.h2Url(Files.createTempDirectory(base, "h2-"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    },
    POSTGRESQL {
        @Override
        public String newDatabaseUrl() {
            EmbeddedPostgres server = Postgres.server();
            String name = "test_" + Postgres.COUNTER.incrementAndGet();
            try (Connection connection = server.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/" + name;
        }

        @Override
        public String user() {
            return "postgres";
        }
    };

    public abstract String newDatabaseUrl();

    public String user() {
        return "";
    }

    public Database open(String url) throws SQLException {
        return new Database(url, user(), "", 4);
    }

    private static final class Postgres {
        static final AtomicInteger COUNTER = new AtomicInteger();
        private static EmbeddedPostgres server;

        static synchronized EmbeddedPostgres server() {
            if (server == null) {
                try {
                    server = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // the JVM ends anyway
                    }
                }));
            }
            return server;
        }
    }
}
