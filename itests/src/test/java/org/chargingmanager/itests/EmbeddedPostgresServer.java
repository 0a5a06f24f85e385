package org.chargingmanager.itests;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server for the test JVM, started once from Maven Central's binaries on
 * loopback and stopped when the JVM ends. Used only outside OSGi (in {@code @Configuration}).
 */
final class EmbeddedPostgresServer {

    private static EmbeddedPostgres postgres;

    private EmbeddedPostgresServer() {
    }

    static synchronized int port() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    // the JVM ends anyway
                }
            }));
        }
        return postgres.getPort();
    }
}
