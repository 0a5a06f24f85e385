package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.ocpp.server.internal.EmbeddedCentralSystem;
import org.chargingmanager.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OCPP wallbox on our central system passed through to a backend, seen on the wire at both
 * ends (raw WebSockets): its payloads reach the backend and the backend's answers reach it byte
 * for byte — odd spacing and escapes included — while our transaction log records the session and
 * its signed meter values; a second CALL while one is outstanding is refused in both directions.
 */
class PassThroughWireTest {

    /** A signed reading as a meter might write it: escaped slashes and a unicode escape. */
    static final String SIGNED = "OCMF|{\\\"FV\\\":\\\"1.0\\\",\\\"RD\\\":[{\\\"RV\\\":1.25,\\\"RU\\\":\\\"kWh\\\"}]}"
            + "|{\\\"SA\\\":\\\"ECDSA-secp256r1-SHA256\\\",\\\"SD\\\":\\\"3045\\/02\\u0041B\\\"}";
    static final String TERMINAL = "{ \"vendorId\" : \"giro-e\",\"messageId\":\"payment\",\"data\":"
            + "\"{\\\"amount\\\":1250,\\\"url\\\":\\\"https:\\/\\/t.example\\/r?a=1&b=\\u00e4\\\"}\" }";

    @TempDir
    Path directory;

    private final GatewayTestSupport support = new GatewayTestSupport();
    private RawBackend backend;
    private EmbeddedCentralSystem central;
    private Gateway gateway;
    private RawWallbox wallbox;

    @AfterEach
    void tearDown() throws Exception {
        if (wallbox != null) {
            wallbox.closeBlocking();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (central != null) {
            central.close();
        }
        if (backend != null) {
            backend.stop(1000);
        }
    }

    static GatewaySettings passThrough(String url, String chargeBoxId, String wallboxId) {
        return new GatewaySettings(URI.create(url), chargeBoxId, true, "", List.of(), "",
                OfflineAuthorization.ACCEPT_KNOWN, "", "", "", false, "", "", "", 1000, Duration.ofSeconds(30),
                wallboxId);
    }

    @Test
    void payloadsAndAnswersPassByteForByteAndOneCallIsOutstandingEachWay() throws Exception {
        backend = new RawBackend(OcaBackend.freePort());
        String authorizeAnswer = "{\"idTagInfo\" : {\"status\":\"Accepted\", \"parentIdTag\":\"FLEET\"} }";
        String startAnswer = "{ \"idTagInfo\" : {\"status\":\"Accepted\"}, \"transactionId\" : 555 }";
        String stopAnswer = "{\"idTagInfo\":{\"status\":\"Accepted\",\"expiryDate\":\"2027-01-01T00:00:00.000Z\"}}";
        backend.answers.put("Authorize", authorizeAnswer);
        backend.answers.put("StartTransaction", startAnswer);
        backend.answers.put("StopTransaction", stopAnswer);
        backend.answers.put("Heartbeat", "{\"currentTime\":\"2026-12-01T10:00:00Z\"}");
        backend.held.add("DataTransfer");
        backend.start();
        central = new EmbeddedCentralSystem(directory.resolve("central"), 1000);
        gateway = support.gateway(passThrough("ws://127.0.0.1:" + backend.getPort(), "CB-PT", "WB-1"),
                directory.resolve("gateway"));
        central.uplinks.put("WB-1", gateway.uplink().orElseThrow());
        Await.until("the gateway is connected", () -> gateway.status().connected());

        wallbox = new RawWallbox(central.url() + "WB-1");
        assertThat(wallbox.connectBlocking()).isTrue();
        String boot = "{\"chargePointVendor\":\"ACME\", \"chargePointModel\":\"Box 22\",\"firmwareVersion\":\"1.2\\/3\"}";
        assertThat(wallbox.call("w1", "BootNotification", boot)).contains("Accepted");
        assertThat(backend.next("[2,")).as("the wallbox's identity, as sent")
                .endsWith("\"BootNotification\"," + boot + "]");
        Await.until("the backend accepted the wallbox", () -> gateway.status().state() == UpstreamState.ACCEPTED);

        backend.sendToAll("[2,\"l1\",\"SendLocalList\",{\"listVersion\":2,\"updateType\":\"Full\","
                + "\"localAuthorizationList\":[{\"idTag\":\"TAG-9\",\"idTagInfo\":{\"status\":\"Accepted\"}}]}]");
        assertThat(backend.next("[3,\"l1\"")).as("the gateway keeps the list for the wallbox's offline decisions")
                .isEqualTo("[3,\"l1\",{\"status\":\"Accepted\"}]");
        backend.sendToAll("[2,\"l2\",\"GetLocalListVersion\",{}]");
        assertThat(backend.next("[3,\"l2\"")).isEqualTo("[3,\"l2\",{\"listVersion\":2}]");

        String status = "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Preparing\"}";
        wallbox.call("w2", "StatusNotification", status);
        assertThat(backend.next("[2,")).endsWith("\"StatusNotification\"," + status + "]");

        assertThat(wallbox.call("w3", "Authorize", "{\"idTag\":\"TAG-1\"}")).as("the backend's answer, byte for byte")
                .isEqualTo("[3,\"w3\"," + authorizeAnswer + "]");

        String start = "{\"connectorId\":1,\"idTag\":\"TAG-1\",\"meterStart\":1000,\"timestamp\":\"2026-12-01T10:00:00Z\"}";
        assertThat(wallbox.call("w4", "StartTransaction", start)).as("the backend's transaction ID reaches the wallbox")
                .isEqualTo("[3,\"w4\"," + startAnswer + "]");
        assertThat(backend.next("[2,")).endsWith("\"Authorize\",{\"idTag\":\"TAG-1\"}]");
        assertThat(backend.next("[2,")).endsWith("\"StartTransaction\"," + start + "]");
        Transaction recorded = central.transactions.get(1001L);
        assertThat(recorded.open()).as("our log has the session under its own ID").isTrue();
        assertThat(recorded.idTag()).isEqualTo("TAG-1");

        backend.sendToAll("[2,\"p1\",\"SetChargingProfile\",{\"connectorId\":1,\"csChargingProfiles\":{"
                + "\"chargingProfileId\":77,\"transactionId\":555,\"stackLevel\":1,\"chargingProfilePurpose\":\"TxProfile\","
                + "\"chargingProfileKind\":\"Relative\",\"chargingSchedule\":{\"chargingRateUnit\":\"A\","
                + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":8.0}]}}}]");
        assertThat(backend.next("[3,\"p1\"")).isEqualTo("[3,\"p1\",{\"status\":\"Accepted\"}]");
        var cap = gateway.caps().get(0);
        assertThat(cap.evseId()).isEqualTo("ocpp-WB-1-1");
        Await.until("the backend's limit caps the wallbox's EVSE for the load manager",
                () -> cap.maxCurrentMilliamps(support.clock.instant()).equals(java.util.OptionalInt.of(8000)));
        backend.sendToAll("[2,\"p2\",\"GetCompositeSchedule\",{\"connectorId\":1,\"duration\":600}]");
        assertThat(backend.next("[3,\"p2\"")).contains("\"status\":\"Accepted\"").contains("\"limit\":8");
        assertThat(wallbox.received).as("the backend's profile is not sent to the wallbox")
                .noneMatch(frame -> frame.contains("\"chargingProfileId\":77"));

        String meterValues = "{\"connectorId\":1, \"transactionId\":555,\"meterValue\":[{\"timestamp\":"
                + "\"2026-12-01T10:01:00Z\",\"sampledValue\":[{\"value\":\"" + SIGNED + "\",\"format\":\"SignedData\","
                + "\"context\":\"Sample.Periodic\"},{\"value\":\"1250\",\"measurand\":\"Energy.Active.Import.Register\"}]}]}";
        assertThat(wallbox.call("w5", "MeterValues", meterValues)).isEqualTo("[3,\"w5\",{}]");
        assertThat(backend.next("[2,")).as("signed data byte for byte").endsWith("\"MeterValues\"," + meterValues + "]");

        wallbox.send("[2,\"w6\",\"DataTransfer\"," + TERMINAL + "]");
        wallbox.send("[2,\"w7\",\"Heartbeat\",{}]");
        assertThat(wallbox.next("[4,\"w7\"")).as("a second CALL while the first is outstanding")
                .startsWith("[4,\"w7\",\"GenericError\"");
        String transfer = backend.next("[2,");
        assertThat(transfer).as("the terminal's DataTransfer byte for byte").endsWith("\"DataTransfer\"," + TERMINAL + "]");
        String terminalAnswer = "{ \"status\" : \"Accepted\", \"data\" : \"{\\\"receipt\\\":\\\"A-17\\\\/\\u00e4\\\"}\" }";
        backend.sendToAll("[3,\"" + transfer.split("\"")[1] + "\"," + terminalAnswer + "]");
        assertThat(wallbox.next("[3,\"w6\"")).isEqualTo("[3,\"w6\"," + terminalAnswer + "]");

        wallbox.held.add("RemoteStopTransaction");
        backend.sendToAll("[2,\"r1\",\"RemoteStopTransaction\",{\"transactionId\":555}]");
        String remoteStop = wallbox.next("[2,");
        assertThat(remoteStop).endsWith("\"RemoteStopTransaction\",{\"transactionId\":555}]");
        backend.sendToAll("[2,\"r2\",\"GetConfiguration\",{}]");
        assertThat(backend.next("[4,\"r2\"")).as("the backend's second CALL while the wallbox answers the first")
                .startsWith("[4,\"r2\",\"GenericError\"");
        wallbox.send("[3,\"" + remoteStop.split("\"")[1] + "\",{ \"status\" : \"Accepted\" }]");
        assertThat(backend.next("[3,\"r1\"")).isEqualTo("[3,\"r1\",{ \"status\" : \"Accepted\" }]");

        String start2 = "{\"connectorId\":2,\"idTag\":\"TAG-2\",\"meterStart\":50,\"timestamp\":\"2026-12-01T10:20:00Z\"}";
        assertThat(wallbox.call("w9", "StartTransaction", start2))
                .as("the backend's 555 belongs to the running session: the wallbox gets our log's ID, nothing else changes")
                .isEqualTo("[3,\"w9\"," + startAnswer.replace("555", "1002") + "]");
        assertThat(backend.next("[2,")).endsWith("\"StartTransaction\"," + start2 + "]");
        String stop2 = "{\"meterStop\":80,\"timestamp\":\"2026-12-01T10:25:00Z\", \"transactionId\" : 1002}";
        assertThat(wallbox.call("w10", "StopTransaction", stop2)).isEqualTo("[3,\"w10\"," + stopAnswer + "]");
        assertThat(backend.next("[2,")).as("the backend's ID, the only bytes changed")
                .endsWith("\"StopTransaction\"," + stop2.replace("1002", "555") + "]");
        assertThat(central.transactions.get(1002L).meterStopWattHours()).isEqualTo(80L);

        String stop = "{\"idTag\":\"TAG-1\",\"meterStop\":3500,\"timestamp\":\"2026-12-01T10:30:00Z\",\"transactionId\":555,"
                + "\"reason\":\"Remote\",\"transactionData\":[{\"timestamp\":\"2026-12-01T10:30:00Z\",\"sampledValue\":"
                + "[{\"value\":\"" + SIGNED + "\",\"format\":\"SignedData\",\"context\":\"Transaction.End\"}]}]}";
        assertThat(wallbox.call("w8", "StopTransaction", stop)).isEqualTo("[3,\"w8\"," + stopAnswer + "]");
        assertThat(backend.next("[2,")).endsWith("\"StopTransaction\"," + stop + "]");

        Transaction stopped = central.transactions.get(1001L);
        assertThat(stopped.open()).isFalse();
        assertThat(stopped.meterStopWattHours()).isEqualTo(3500L);
        String decoded = com.google.gson.JsonParser.parseString("\"" + SIGNED + "\"").getAsString();
        assertThat(stopped.signedMeterValues()).as("our log and Eichrecht checks still see the signed values")
                .extracting(SignedMeterValue::rawData).containsExactly(decoded, decoded);
        assertThat(gateway.status().queuedMessages()).isZero();
        Await.until("the TxProfile ended with its transaction",
                () -> cap.maxCurrentMilliamps(support.clock.instant()).isEmpty());
        assertThat(backend.opened.get()).isEqualTo(1);
    }
}
