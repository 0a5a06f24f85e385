package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad frames from the backend get their CALLERROR in OCPP's terms; the connection and local charging stay. */
class BadBackendInputTest {

    @TempDir
    Path directory;

    private final GatewayTestSupport support = new GatewayTestSupport();
    private RawBackend backend;
    private Gateway gateway;

    @AfterEach
    void tearDown() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.stop(1000);
        }
    }

    @Test
    void everyBadFrameIsAnsweredWithItsCallErrorAndTheConnectionIsKept() throws Exception {
        backend = new RawBackend(OcaBackend.freePort());
        backend.start();
        FakeEvse evse = FakeEvse.threePhase("sim-1", support.clock).carFollowsLimit(16_000).carConnected(true);
        support.evses.put("sim-1", evse);
        gateway = support.gateway(GatewayTestSupport.settings("ws://127.0.0.1:" + backend.getPort(), "CB-BAD", "",
                "FIXED1", "sim-1"), directory);
        Await.until("a transaction runs", () -> gateway.status().connectors().get(0).transactionId() == null
                && backend.received.stream().anyMatch(f -> f.contains("StartTransaction")));
        backend.received.clear();

        backend.sendToAll("this is no JSON");
        assertThat(backend.next("[4,")).startsWith("[4,\"-1\",\"FormationViolation\"");
        backend.sendToAll("[2,\"b1\",\"FlyToTheMoon\",{}]");
        assertThat(backend.next("[4,")).startsWith("[4,\"b1\",\"NotImplemented\"");
        backend.sendToAll("[2,\"b2\",\"Reset\",{\"type\":5}]");
        assertThat(backend.next("[4,")).startsWith("[4,\"b2\",\"TypeConstraintViolation\"");
        backend.sendToAll("[2,\"b3\",\"StartTransaction\",{\"connectorId\":1,\"idTag\":\"x\",\"meterStart\":0,"
                + "\"timestamp\":\"2026-12-01T10:00:00Z\"}]");
        assertThat(backend.next("[4,")).startsWith("[4,\"b3\",\"NotSupported\"");
        backend.sendToAll("[2,\"b4\",\"ChangeConfiguration\",{\"key\":\"HeartbeatInterval\"}]");
        assertThat(backend.next("[4,")).startsWith("[4,\"b4\",\"OccurenceConstraintViolation\"");
        backend.sendToAll("[2,\"b5\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"" + "A".repeat(400_000) + "\"}]");
        assertThat(backend.next("[4,")).startsWith("[4,\"b5\",\"FormationViolation\"");
        backend.sendToAll("[2,\"b6\",\"ReserveNow\",{\"connectorId\":1,\"expiryDate\":\"2026-12-01T11:00:00Z\","
                + "\"idTag\":\"x\",\"reservationId\":1}]");
        assertThat(backend.next("[4,")).startsWith("[4,\"b6\",\"NotSupported\"");

        backend.sendToAll("[2,\"ok1\",\"GetConfiguration\",{\"key\":[\"HeartbeatInterval\",\"Nonsense\"]}]");
        String answer = backend.next("[3,\"ok1\"");
        assertThat(answer).contains("\"key\":\"HeartbeatInterval\"").contains("\"unknownKey\":[\"Nonsense\"]");
        backend.sendToAll("[2,\"ok2\",\"ChangeConfiguration\",{\"key\":\"NumberOfConnectors\",\"value\":\"4\"}]");
        assertThat(backend.next("[3,\"ok2\"")).contains("Rejected");
        backend.sendToAll("[2,\"ok3\",\"ChangeConfiguration\",{\"key\":\"NoSuchKey\",\"value\":\"4\"}]");
        assertThat(backend.next("[3,\"ok3\"")).contains("NotSupported");
        backend.sendToAll("[2,\"ok4\",\"ChangeConfiguration\",{\"key\":\"MeterValuesSampledData\","
                + "\"value\":\"Energy.Active.Import.Register\"}]");
        assertThat(backend.next("[3,\"ok4\"")).contains("Accepted");
        backend.sendToAll("[2,\"ok5\",\"SendLocalList\",{\"listVersion\":7,\"updateType\":\"Full\","
                + "\"localAuthorizationList\":[{\"idTag\":\"CARD-1\",\"idTagInfo\":{\"status\":\"Blocked\"}}]}]");
        assertThat(backend.next("[3,\"ok5\"")).isEqualTo("[3,\"ok5\",{\"status\":\"Accepted\"}]");
        backend.sendToAll("[2,\"ok6\",\"GetLocalListVersion\",{}]");
        assertThat(backend.next("[3,\"ok6\"")).isEqualTo("[3,\"ok6\",{\"listVersion\":7}]");
        backend.sendToAll("[2,\"ok7\",\"SendLocalList\",{\"listVersion\":7,\"updateType\":\"Differential\"}]");
        assertThat(backend.next("[3,\"ok7\"")).contains("VersionMismatch");

        assertThat(backend.opened.get()).as("one connection all along").isEqualTo(1);
        assertThat(backend.closed.get()).isZero();
        assertThat(gateway.status().connected()).isTrue();
        GatewayTestSupport.loadManagerCycle(gateway, evse, 16_000, support.clock.instant());
        assertThat(evse.drawnMilliamps()).as("local charging unaffected").isEqualTo(16_000);
    }
}
