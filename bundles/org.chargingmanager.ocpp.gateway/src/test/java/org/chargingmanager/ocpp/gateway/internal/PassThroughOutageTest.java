package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.ocpp.server.internal.EmbeddedCentralSystem;
import org.chargingmanager.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.DataTransferStatus;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.ValueFormat;

/**
 * A Java-OCA-OCPP wallbox on our central system charges a whole session while the backend
 * (Java-OCA-OCPP's JSONServer) refuses connections, and the gateway restarts in between: the
 * offline rules answer the wallbox, our log records everything, and when the backend returns it
 * gets StartTransaction, MeterValues and StopTransaction in order, once, with its own transaction
 * ID and the signed data unchanged. Then, online, the backend decides and its IDs reach the wallbox.
 */
class PassThroughOutageTest {

    static final String SIGNED = "OCMF|{\"FV\":\"1.0\",\"GI\":\"KEBA P30\",\"RD\":[{\"RV\":2.5,\"RU\":\"kWh\"}]}"
            + "|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"30440220/+=\"}";

    @TempDir
    Path directory;

    private final GatewayTestSupport support = new GatewayTestSupport();
    private OcaBackend backend;
    private EmbeddedCentralSystem central;
    private Gateway gateway;
    private OcaWallbox wallbox;

    @AfterEach
    void tearDown() {
        if (wallbox != null) {
            wallbox.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (central != null) {
            central.close();
        }
        if (backend != null) {
            backend.close();
        }
    }

    private GatewaySettings settings(int port) {
        return new GatewaySettings(URI.create("ws://127.0.0.1:" + port + "/ocpp"), "CB-OUT", true, "", List.of(),
                "FLEET-1", OfflineAuthorization.ACCEPT_KNOWN, "", "", "", false, "", "", "", 1000,
                Duration.ofSeconds(30), "WB-OUT");
    }

    private void startGateway(int port) throws Exception {
        gateway = support.gateway(settings(port), directory.resolve("gateway"));
        central.uplinks.put("WB-OUT", gateway.uplink().orElseThrow());
    }

    private static MeterValue signed(String context, ZonedDateTime at) {
        SampledValue value = new SampledValue(SIGNED);
        value.setFormat(ValueFormat.SignedData);
        value.setContext(context);
        return new MeterValue(at, new SampledValue[] {value});
    }

    @Test
    void aSessionWhileTheBackendIsAwayIsDeliveredInOrderOnceWithTheBackendsId() throws Exception {
        int port = OcaBackend.freePort();
        central = new EmbeddedCentralSystem(directory.resolve("central"), 2000);
        startGateway(port);
        Await.until("the first attempt failed", () -> gateway.status().lastError() != null
                && gateway.status().state() == UpstreamState.DISCONNECTED);

        wallbox = new OcaWallbox("WB-OUT").connect(central.url() + "ocpp");
        wallbox.send(new BootNotificationRequest("KEBA", "P30 x-series"));
        AuthorizeConfirmation stranger = wallbox.send(new AuthorizeRequest("STRANGER"));
        assertThat(stranger.getIdTagInfo().getStatus()).as("offline: an unknown tag").isEqualTo(AuthorizationStatus.Invalid);
        AuthorizeConfirmation fleet = wallbox.send(new AuthorizeRequest("FLEET-1"));
        assertThat(fleet.getIdTagInfo().getStatus()).as("offline: the fixed tag").isEqualTo(AuthorizationStatus.Accepted);
        DataTransferConfirmation terminal = wallbox.send(new DataTransferRequest("giro-e"));
        assertThat(terminal.getStatus()).as("nobody to pay with offline").isEqualTo(DataTransferStatus.Rejected);

        ZonedDateTime t0 = ZonedDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
        StartTransactionConfirmation started = wallbox.send(new StartTransactionRequest(1, "FLEET-1", 4000, t0));
        assertThat(started.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        assertThat(started.getTransactionId()).as("offline the wallbox gets our log's ID").isEqualTo(2001);
        MeterValuesRequest begin = new MeterValuesRequest(1);
        begin.setMeterValue(new MeterValue[] {signed("Transaction.Begin", t0)});
        begin.setTransactionId(2001);
        wallbox.send(begin);
        StopTransactionRequest stop = new StopTransactionRequest(6500, t0.plusMinutes(40), 2001);
        stop.setIdTag("FLEET-1");
        stop.setTransactionData(new MeterValue[] {signed("Transaction.End", t0.plusMinutes(40))});
        wallbox.send(stop);
        Await.until("queued", () -> gateway.status().queuedMessages() == 3);

        gateway.close(); // a restart of the runtime with the queue on disk
        startGateway(port);
        assertThat(gateway.status().queuedMessages()).isEqualTo(3);
        Await.until("the first attempt after the restart failed", () -> gateway.status().lastError() != null
                && gateway.status().state() == UpstreamState.DISCONNECTED);

        backend = new OcaBackend(port, null);
        support.clock.advance(Duration.ofMinutes(6)); // beyond the longest back-off
        Await.until("delivered", Duration.ofSeconds(30), () -> backend.received(StopTransactionRequest.class).size() == 1
                && gateway.status().queuedMessages() == 0);
        BootNotificationRequest boot = backend.received(BootNotificationRequest.class).get(0);
        assertThat(boot.getChargePointVendor()).as("the wallbox's own identity").isEqualTo("KEBA");
        assertThat(boot.getChargePointModel()).isEqualTo("P30 x-series");
        assertThat(backend.actions().stream().filter(a -> a.contains("Transaction") || a.equals("MeterValues")))
                .containsExactly("StartTransaction", "MeterValues", "StopTransaction");
        StartTransactionRequest delivered = backend.received(StartTransactionRequest.class).get(0);
        assertThat(delivered.getMeterStart()).isEqualTo(4000);
        assertThat(delivered.getTimestamp().toInstant()).isEqualTo(t0.toInstant());
        MeterValuesRequest values = backend.received(MeterValuesRequest.class).get(0);
        assertThat(values.getTransactionId()).as("mapped to the backend's ID").isEqualTo(100);
        assertThat(values.getMeterValue()[0].getSampledValue()[0].getValue()).isEqualTo(SIGNED);
        StopTransactionRequest stopped = backend.received(StopTransactionRequest.class).get(0);
        assertThat(stopped.getTransactionId()).isEqualTo(100);
        assertThat(stopped.getMeterStop()).isEqualTo(6500);
        assertThat(stopped.getTransactionData()[0].getSampledValue()[0].getValue()).isEqualTo(SIGNED);

        Transaction recorded = central.transactions.get(2001L);
        assertThat(recorded.meterStopWattHours()).isEqualTo(6500L);
        assertThat(recorded.signedMeterValues()).extracting(SignedMeterValue::rawData).containsExactly(SIGNED, SIGNED);

        // online now: the backend decides, and its transaction ID reaches the wallbox
        AuthorizeConfirmation online = wallbox.send(new AuthorizeRequest("STRANGER"));
        assertThat(online.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
        AuthorizeConfirmation blocked = wallbox.send(new AuthorizeRequest("BLOCKED-7"));
        assertThat(blocked.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Blocked);
        StartTransactionConfirmation second = wallbox.send(new StartTransactionRequest(1, "STRANGER", 6500,
                t0.plusHours(1)));
        assertThat(second.getTransactionId()).isEqualTo(101);
        assertThat(central.transactions.get(2002L).open()).isTrue();

        gateway.close();
        startGateway(port);
        Await.until("connected again", () -> gateway.status().state() == UpstreamState.ACCEPTED);
        assertThat(backend.received(StartTransactionRequest.class)).as("nothing twice").hasSize(2);
        assertThat(backend.received(StopTransactionRequest.class)).hasSize(1);
    }
}
