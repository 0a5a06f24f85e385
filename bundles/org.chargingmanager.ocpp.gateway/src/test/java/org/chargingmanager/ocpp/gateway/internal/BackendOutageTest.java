package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;

/**
 * The backend refuses connections for a whole session, and the gateway is restarted in between:
 * when the backend returns, StartTransaction, MeterValues and StopTransaction arrive in order with
 * the backend's transaction ID, each once.
 */
class BackendOutageTest {

    @TempDir
    Path directory;

    private final GatewayTestSupport support = new GatewayTestSupport();
    private OcaBackend backend;
    private Gateway gateway;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    @Test
    void aSessionWhileTheBackendIsAwayIsDeliveredInOrderAfterItReturnsAndARestart() throws Exception {
        int port = OcaBackend.freePort();
        GatewaySettings settings = GatewayTestSupport.settings("ws://127.0.0.1:" + port + "/", "CB-OUT", "",
                "FIXED1", "sim-1");
        FakeEvse evse = FakeEvse.threePhase("sim-1", support.clock).carFollowsLimit(16_000).carConnected(false)
                .energyWattHours(5000);
        support.evses.put("sim-1", evse);
        gateway = support.gateway(settings, directory);
        Await.until("the first attempt failed", () -> gateway.status().state() == UpstreamState.DISCONNECTED
                && gateway.status().lastError() != null);
        assertThat(gateway.status().connected()).isFalse();

        evse.carConnected(true);
        Await.until("started offline", () -> gateway.status().queuedMessages() == 1
                && gateway.status().connectors().get(0).capMilliamps() == null);
        GatewayTestSupport.loadManagerCycle(gateway, evse, 16_000, support.clock.instant());
        assertThat(evse.drawnMilliamps()).as("the offline session charges").isEqualTo(16_000);
        gateway.close(); // a restart while the car charges: the transaction continues
        gateway = support.gateway(settings, directory);
        for (int minute = 1; minute <= 2; minute++) {
            evse.energyWattHours(5000 + minute * 180);
            support.clock.advance(Duration.ofSeconds(61));
            int expected = 1 + minute;
            Await.until("MeterValues queued", () -> gateway.status().queuedMessages() == expected);
        }
        evse.energyWattHours(5400).carConnected(false);
        Await.until("stopped offline", () -> gateway.status().queuedMessages() == 4);

        gateway.close(); // a restart of the runtime
        gateway = support.gateway(settings, directory);
        assertThat(gateway.status().queuedMessages()).isEqualTo(4);
        // its first attempt fails while the backend is away; the next is due 4 s later on the test's clock
        // (had the failure come after the clock's advance below, the next attempt would wait for more)
        Await.until("the first attempt after the restart failed", () -> gateway.status().lastError() != null
                && gateway.status().state() == UpstreamState.DISCONNECTED);

        backend = new OcaBackend(port, null);
        support.clock.advance(Duration.ofMinutes(6)); // beyond the longest back-off
        // connect, boot and four messages each confirmed after an fsync: seconds on a loaded machine
        Await.until("delivered", Duration.ofSeconds(30), () -> backend.received(StopTransactionRequest.class).size() == 1
                && gateway.status().queuedMessages() == 0);
        List<String> transactionMessages = backend.actions().stream()
                .filter(action -> action.contains("Transaction") || action.equals("MeterValues")).toList();
        assertThat(transactionMessages).containsExactly("StartTransaction", "MeterValues", "MeterValues",
                "StopTransaction");
        StartTransactionRequest start = backend.received(StartTransactionRequest.class).get(0);
        assertThat(start.getMeterStart()).isEqualTo(5000);
        assertThat(start.getTimestamp().toInstant()).isEqualTo(java.time.Instant.parse("2026-12-01T10:00:00Z"));
        assertThat(backend.received(MeterValuesRequest.class)).extracting(MeterValuesRequest::getTransactionId)
                .containsExactly(100, 100);
        StopTransactionRequest stop = backend.received(StopTransactionRequest.class).get(0);
        assertThat(stop.getTransactionId()).isEqualTo(100);
        assertThat(stop.getMeterStop()).isEqualTo(5400);

        gateway.close();
        gateway = support.gateway(settings, directory);
        support.clock.advance(Duration.ofSeconds(10));
        Await.until("connected again", () -> gateway.status().state() == UpstreamState.ACCEPTED);
        assertThat(backend.received(StartTransactionRequest.class)).as("nothing twice").hasSize(1);
        assertThat(backend.received(StopTransactionRequest.class)).hasSize(1);
    }
}
