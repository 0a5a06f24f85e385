package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.EvseState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started while the framework is still starting binds its port at once but takes
 * connections only when released: a charger that connects meanwhile waits in the accept queue and
 * is admitted then; the known charge points' EVSEs are registered before that.
 */
class HeldConnectionsTest {

    @TempDir
    Path data;

    @Test
    void aChargerConnectingWhileTheServerIsHeldIsAdmittedOnceReleased() throws Exception {
        ServerSettings settings = ServerSettings.forTest(data);
        int port;
        try (TestSite first = new TestSite(settings)) {
            port = first.server.port();
            try (RawCharger known = RawCharger.booted(first, "KNOWN")) {
                assertThat(known.call("StatusNotification",
                        "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}")).startsWith("[3,");
            }
        }

        try (TestSite held = new TestSite(ReconnectStormTest.onPort(settings, port), true)) {
            assertThat(held.server.port()).as("bound at start").isEqualTo(port);
            CompletableFuture<RawCharger> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return RawCharger.booted(held, "KNOWN");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500);
            assertThat(waiting).as("not admitted while held").isNotDone();
            assertThat(held.server.accepting()).isFalse();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!held.evses.containsKey("ocpp-KNOWN-1") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(held.evses).containsKey("ocpp-KNOWN-1");
            assertThat(held.evses.get("ocpp-KNOWN-1").snapshot().state()).isEqualTo(EvseState.OFFLINE);

            held.server.releaseConnections();

            try (RawCharger admitted = waiting.get(10, TimeUnit.SECONDS)) {
                assertThat(admitted.call("Heartbeat", "{}")).contains("currentTime");
                assertThat(held.server.accepting()).isTrue();
            }
        }
    }
}
