package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * More idle TCP connections than {@link HandshakeLimit#MAX_PENDING} (clients that connect and
 * never send a handshake) pause accepting only until they count as stalled: a charger that
 * connects behind them is admitted and booted within seconds, over a real WebSocket.
 */
class IdleConnectionsTest {

    @TempDir
    Path data;

    private static Socket connect(TestSite site) throws java.io.IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", site.server.port()), 5_000);
        return socket;
    }

    @Test
    void idleConnectionsCannotLockChargersOut() throws Exception {
        List<Socket> idle = new ArrayList<>();
        try (TestSite site = TestSite.start(data)) {
            for (int i = 0; i < HandshakeLimit.MAX_PENDING; i++) {
                idle.add(connect(site));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (site.server.accepting() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(site.server.accepting()).as("accepting paused with %d handshakes in progress",
                    HandshakeLimit.MAX_PENDING).isFalse();
            idle.add(connect(site)); // taken by the accept call that was already waiting
            idle.add(connect(site)); // waits in the accept queue, as the charger behind it
            long start = System.nanoTime();
            RawCharger charger = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawCharger.booted(site, "BEHIND-IDLE");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).get(20, TimeUnit.SECONDS);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            try {
                assertThat(millis).as("admitted once the idle ones stalled (%s), ms", HandshakeLimit.STALLED_AFTER)
                        .isGreaterThanOrEqualTo(500).isLessThan(15_000);
                assertThat(site.server.accepting()).isTrue();
                assertThat(charger.call("Heartbeat", "{}")).contains("currentTime");
            } finally {
                charger.close();
            }
        } finally {
            for (Socket socket : idle) {
                socket.close();
            }
        }
    }
}
