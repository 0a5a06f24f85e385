package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

import eu.chargetime.ocpp.JSONServer;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;

/**
 * Issue 13, item 4, in the real standalone runtime: an OCPP wallbox (Java-OCA-OCPP) on our central
 * system is passed through by a gateway configuration with {@code passThroughChargeBoxId} to a
 * Java-OCA-OCPP backend. The gateway's uplink service reaches the central system through OSGi; the
 * backend sees the wallbox's own boot, decides Authorize and StartTransaction (its transaction ID
 * reaches the wallbox), gets the payment DataTransfer's data unchanged and the StopTransaction with
 * its ID, while our transaction log records the session.
 */
public class OcppGatewayPassThroughIT {

    @Test
    public void anOcppWallboxOfOurCentralSystemIsPassedThroughToTheBackend() throws Exception {
        Path directory = StandaloneRuntime.testDirectory("gateway-pass-through");
        Path home = ModbusDriversRuntimeIT.copyRuntime(directory.resolve("home"));
        int backendPort = OcppGatewayKillIT.freePort();
        Files.writeString(home.resolve("etc/org.chargingmanager.ocpp.gateway-pt.config"),
                "url=\"ws://127.0.0.1:" + backendPort + "/ocpp\"\nchargeBoxId=\"PT-BACKEND\"\n"
                        + "passThroughChargeBoxId=\"PT-WALLBOX\"\n");
        List<Request> received = new CopyOnWriteArrayList<>();
        AtomicReference<UUID> session = new AtomicReference<>();
        JSONServer backend = OcppGatewayKillIT.backend(backendPort, received, session);
        // the backend binds on its own thread: the runtime must not be given its port meanwhile
        Await.until("the backend listens", Duration.ofSeconds(10), () -> {
            try (java.net.Socket probe = new java.net.Socket("127.0.0.1", backendPort)) {
                return true;
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
        try (RuntimeProcess runtime = RuntimeProcess.start(home, directory, "console.log", Map.of());
                OcaWallbox wallbox = new OcaWallbox("PT-WALLBOX")) {
            Await.until("the gateway is connected", Duration.ofSeconds(60), () -> session.get() != null);
            wallbox.connect("ws://127.0.0.1:" + runtime.ocppPort() + "/ocpp");
            wallbox.send(new BootNotificationRequest("PassVendor", "PassModel"));
            Await.until("the backend saw the wallbox's boot", Duration.ofSeconds(30),
                    () -> received.stream().anyMatch(r -> r instanceof BootNotificationRequest boot
                            && boot.getChargePointVendor().equals("PassVendor")));

            AuthorizeConfirmation authorized = wallbox.send(new AuthorizeRequest("ANY-CARD"));
            assertEquals("the backend accepts every card", AuthorizationStatus.Accepted,
                    authorized.getIdTagInfo().getStatus());
            StartTransactionConfirmation started = wallbox.send(
                    new StartTransactionRequest(1, "ANY-CARD", 1_000, ZonedDateTime.now()));
            assertEquals("the backend's transaction ID reaches the wallbox", Integer.valueOf(100),
                    started.getTransactionId());
            DataTransferRequest payment = new DataTransferRequest("giro-e");
            payment.setMessageId("payment");
            String data = "{\"amount\":1250,\"url\":\"https://t.example/r?a=1&b=\u00e4\"}";
            payment.setData(data);
            wallbox.send(payment);
            StopTransactionRequest stop = new StopTransactionRequest(4_000, ZonedDateTime.now(), 100);
            wallbox.send(stop);
            Await.until("StopTransaction at the backend", Duration.ofSeconds(30),
                    () -> received.stream().anyMatch(StopTransactionRequest.class::isInstance));
            StopTransactionRequest delivered = received.stream().filter(StopTransactionRequest.class::isInstance)
                    .map(StopTransactionRequest.class::cast).findFirst().orElseThrow();
            assertEquals(Integer.valueOf(100), delivered.getTransactionId());
            assertEquals(Integer.valueOf(4_000), delivered.getMeterStop());
            assertTrue("the terminal's data unchanged", received.stream().anyMatch(
                    r -> r instanceof DataTransferRequest transfer && data.equals(transfer.getData())));

            HttpResponse<String> log = runtime.get("/api/v1/transactions.csv");
            assertEquals(log.body(), 200, log.statusCode());
            assertTrue("our transaction log has the session: " + log.body(), log.body().contains("PT-WALLBOX")
                    && log.body().contains("ANY-CARD"));
        } finally {
            backend.close();
        }
    }
}
