package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.EvseState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Raw JDK WebSocket clients against the server: handshake rules, malformed input, frame size, replacement, dead connections. */
class WebSocketTransportTest {

    @TempDir
    static Path data;
    static TestSite site;

    @BeforeAll
    static void start() throws Exception {
        site = new TestSite(ServerSettings.forTest(data).withTimings(Duration.ofSeconds(1), Duration.ofSeconds(5),
                Duration.ofSeconds(5)));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void chargeBoxIdIsTheLastPathSegmentWhateverComesBefore() throws Exception {
        try (RawCharger a = RawCharger.booted(site, "PATH-A"); RawCharger b = new RawCharger(site.url("/x/y/PATH-B"))) {
            assertThat(b.call("BootNotification", "{\"chargePointVendor\":\"V\",\"chargePointModel\":\"M\"}")).contains("Accepted");
            TestSite.await("both known", () -> site.server.chargePoint("PATH-A").isPresent() && site.server.chargePoint("PATH-B").isPresent());
        }
    }

    @Test
    void TC_088_clientOfferingOnlyOtherSubprotocolsIsRefused() {
        assertThatThrownBy(() -> HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("ocpp2.0.1")
                .buildAsync(URI.create(site.url("/ocpp/SUB1")), new WebSocket.Listener() {
                }).join()).hasStackTraceContaining("status code 400");
        assertThat(site.server.chargePoint("SUB1")).isEmpty();
    }

    @Test
    void urlWithoutChargeBoxIdIsRefused() {
        assertThatThrownBy(() -> new RawCharger(site.url("/"))).hasStackTraceContaining("status code 404");
    }

    @Test
    void malformedInputIsAnsweredInOcppTermsAndTheConnectionGoesOn() throws Exception {
        try (RawCharger charger = RawCharger.booted(site, "BAD-1"); RawCharger other = RawCharger.booted(site, "GOOD-1")) {
            charger.send("this is not json");
            assertThat(charger.received.poll(5, TimeUnit.SECONDS)).startsWith("[4,\"-1\",\"FormationViolation\"")
                    .doesNotContain("null");
            charger.send("[2,\"m1\",\"Heartbeat\"");
            assertThat(charger.received.poll(5, TimeUnit.SECONDS)).startsWith("[4,").contains("FormationViolation");
            assertThat(charger.call("BootNotification", "{\"chargePointVendor\":12,\"chargePointModel\":\"M\"}"))
                    .contains("TypeConstraintViolation").contains("chargePointVendor");
            assertThat(charger.call("BootNotification", "{\"chargePointModel\":\"M\"}"))
                    .contains("OccurenceConstraintViolation").contains("chargePointVendor");
            assertThat(charger.call("BootNotification", "{\"chargePointVendor\":\"" + "x".repeat(21) + "\",\"chargePointModel\":\"M\"}"))
                    .contains("PropertyConstraintViolation");
            assertThat(charger.call("FlyToTheMoon", "{}")).contains("NotImplemented");
            assertThat(charger.call("Reset", "{\"type\":\"Soft\"}")).contains("NotSupported");
            assertThat(charger.call("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Sleeping\"}"))
                    .contains("TypeConstraintViolation").contains("status");
            // still alive, and so is the other charger
            assertThat(charger.call("Heartbeat", "{}")).startsWith("[3,").contains("currentTime");
            assertThat(other.call("Heartbeat", "{}")).startsWith("[3,").contains("currentTime");
        }
    }

    @Test
    void frameOverTheLimitClosesWith1009AndOthersGoOn() throws Exception {
        try (RawCharger big = RawCharger.booted(site, "BIG-1"); RawCharger other = RawCharger.booted(site, "SMALL-1")) {
            try {
                big.send("[2,\"x\",\"DataTransfer\",{\"vendorId\":\"" + "a".repeat(70 * 1024) + "\"}]");
            } catch (java.util.concurrent.CompletionException closedWhileSending) {
                // the server may close the connection before the whole frame is out
            }
            assertThat(big.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
            assertThat(other.call("Heartbeat", "{}")).startsWith("[3,");
        }
    }

    @Test
    void aSecondConnectionWithTheSameIdReplacesTheFirst() throws Exception {
        try (RawCharger first = RawCharger.booted(site, "TWICE"); RawCharger second = RawCharger.booted(site, "TWICE")) {
            assertThat(first.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            assertThat(second.call("Heartbeat", "{}")).startsWith("[3,");
            assertThat(site.server.chargePoint("TWICE").orElseThrow().connected()).isTrue();
        }
    }

    @Test
    void aSetUpWaitingForItsTurnIsSkippedWhenTheChargerConnectsAgainAndTheNewConnectionIsSetUpAfterItsBoot()
            throws Exception {
        SetupPacer pacer = site.server.registry().setupPacer();
        CompletableFuture<Void> othersBeingSetUp = occupy(pacer);
        try (RawCharger first = RawCharger.booted(site, "SETUP-AGAIN")) {
            TestSite.await("the first connection's set-up waiting for its turn", () -> pacer.waiting() == 1);
            RawCharger second = new RawCharger(site.url("/ocpp/SETUP-AGAIN"));
            assertThat(first.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            othersBeingSetUp.complete(null); // the first connection's set-up gets its turn
            ChargePoint chargePoint = site.server.registry().find("SETUP-AGAIN").orElseThrow();
            TestSite.await("the first connection's set-up ended", () -> !chargePoint.setupRunning.get());
            assertThat(first.serverCalls).isEmpty();
            assertThat(second.serverCalls).as("nothing of the first connection's set-up before the second boots").isEmpty();

            assertThat(second.call("BootNotification", "{\"chargePointVendor\":\"Raw\",\"chargePointModel\":\"Test\"}"))
                    .contains("Accepted");
            second.nextServerCall("GetConfiguration");
            second.nextServerCall("SetChargingProfile");
            second.close();
        } finally {
            othersBeingSetUp.complete(null);
        }
    }

    @Test
    void aChargerThatBootsAgainWhileItsFirstSetUpWaitsIsSetUpOnTheNewConnection() throws Exception {
        SetupPacer pacer = site.server.registry().setupPacer();
        CompletableFuture<Void> othersBeingSetUp = occupy(pacer);
        try (RawCharger first = RawCharger.booted(site, "BOOTS-AGAIN")) {
            TestSite.await("the first connection's set-up waiting for its turn", () -> pacer.waiting() == 1);
            RawCharger second = RawCharger.booted(site, "BOOTS-AGAIN");
            assertThat(first.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
            othersBeingSetUp.complete(null);
            second.nextServerCall("GetConfiguration");
            second.nextServerCall("SetChargingProfile");
            assertThat(first.serverCalls).isEmpty();
            second.close();
        } finally {
            othersBeingSetUp.complete(null);
        }
    }

    @Test
    void aChargerThatReconnectsWithoutBootingWhileItsFirstSetUpWaitsIsSetUpWhenItCannotBeTriggeredToBoot()
            throws Exception {
        SetupPacer pacer = site.server.registry().setupPacer();
        CompletableFuture<Void> othersBeingSetUp = occupy(pacer);
        try (RawCharger first = RawCharger.booted(site, "NO-BOOT-AGAIN")) {
            TestSite.await("the first connection's set-up waiting for its turn", () -> pacer.waiting() == 1);
            try (RawCharger second = new RawCharger(site.url("/ocpp/NO-BOOT-AGAIN"))) {
                assertThat(first.closeCode.get(10, TimeUnit.SECONDS)).isEqualTo(1000);
                // no BootNotification: after 5 s the server triggers one; "{}" is no valid answer to that
                assertThat(second.nextServerCall("TriggerMessage").get(3).getAsJsonObject().get("requestedMessage")
                        .getAsString()).isEqualTo("BootNotification");
                ChargePoint chargePoint = site.server.registry().find("NO-BOOT-AGAIN").orElseThrow();
                TestSite.await("the new connection asked for its set-up",
                        () -> chargePoint.setupWanted != null && chargePoint.setupWanted == chargePoint.connection());
                othersBeingSetUp.complete(null);
                second.nextServerCall("GetConfiguration");
                second.nextServerCall("SetChargingProfile");
                assertThat(first.serverCalls).isEmpty();
            }
        } finally {
            othersBeingSetUp.complete(null);
        }
    }

    /** Fills every set-up slot until the returned future completes: the next set-up waits for its turn. */
    private static CompletableFuture<Void> occupy(SetupPacer pacer) {
        CompletableFuture<Void> othersBeingSetUp = new CompletableFuture<>();
        for (int i = 0; i < SetupPacer.DEFAULT_MAX_RUNNING; i++) {
            pacer.submit(() -> othersBeingSetUp);
        }
        return othersBeingSetUp;
    }

    @Test
    void aChargerThatStopsAnsweringIsTakenOffline() throws Exception {
        try (RawCharger charger = RawCharger.booted(site, "SILENT")) {
            charger.call("StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}");
            TestSite.await("EVSE", () -> site.evses.containsKey("ocpp-SILENT-1")
                    && site.evses.get("ocpp-SILENT-1").snapshot().state() == EvseState.AVAILABLE);
        }
        // a raw TCP charger that upgrades, boots, and then never reads again: no pong ever comes
        try (Socket socket = new Socket("127.0.0.1", site.server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /SILENT HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Protocol: ocpp1.6\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] head = new byte[12];
            assertThat(in.read(head)).isPositive();
            assertThat(new String(head, StandardCharsets.US_ASCII)).contains("101");
            TestSite.await("connected", () -> site.server.chargePoint("SILENT").orElseThrow().connected());
            long start = System.nanoTime();
            TestSite.await("offline", () -> !site.server.chargePoint("SILENT").orElseThrow().connected());
            assertThat(site.evses.get("ocpp-SILENT-1").snapshot().state()).isEqualTo(EvseState.OFFLINE);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }
}
