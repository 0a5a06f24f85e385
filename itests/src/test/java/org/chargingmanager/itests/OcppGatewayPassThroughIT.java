package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.Test;

import com.google.gson.JsonObject;

import eu.chargetime.ocpp.JSONServer;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.ChargePointErrorCode;
import eu.chargetime.ocpp.model.core.ChargePointStatus;
import eu.chargetime.ocpp.model.core.ChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfileKindType;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.core.ChargingSchedule;
import eu.chargetime.ocpp.model.core.ChargingSchedulePeriod;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.ValueFormat;
import eu.chargetime.ocpp.model.smartcharging.ChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;

/**
 * Issue 13, item 4, in the real standalone runtime: an OCPP wallbox (Java-OCA-OCPP) on our central
 * system is passed through by a gateway configuration with {@code passThroughChargeBoxId} to a
 * Java-OCA-OCPP backend. The gateway's uplink service reaches the central system through OSGi; the
 * backend sees the wallbox's own boot, decides Authorize and StartTransaction (its transaction ID
 * reaches the wallbox), gets the payment DataTransfer's data unchanged and the StopTransaction with
 * its ID, while our transaction log records the session. The second test kills the runtime's JVM
 * with SIGKILL in the middle of a session while the backend is away: after the restart and the
 * backend's return the session arrives once, in order, signed data unchanged; then the backend's
 * 10 A TxDefaultProfile reaches the wallbox through the gateway's cap and the real load manager.
 */
public class OcppGatewayPassThroughIT {

    /** An OCMF record as a KEBA writes it; the gateway must not touch a byte of it. */
    private static final String SIGNED = "OCMF|{\"FV\":\"1.0\",\"GI\":\"KEBA P30\",\"RD\":[{\"RV\":2.5,\"RU\":\"kWh\"}]}"
            + "|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"30440220/+=\"}";

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

    @Test
    public void aPassThroughSessionSurvivesSigkillWhileTheBackendIsAwayAndTheBackendsLimitReachesTheWallbox()
            throws Exception {
        Path directory = StandaloneRuntime.testDirectory("gateway-pass-through-kill");
        // with the demo site: its simulated grid meter gives the load manager a reading to work with
        Path home = OcppGatewayKillIT.copyRuntime(directory.resolve("home"));
        int backendPort = OcppGatewayKillIT.freePort();
        Files.writeString(home.resolve("etc/org.chargingmanager.ocpp.gateway-ptk.config"),
                "url=\"ws://127.0.0.1:" + backendPort + "/ocpp\"\nchargeBoxId=\"PTK-BACKEND\"\n"
                        + "passThroughChargeBoxId=\"PTK-WALLBOX\"\nofflineAuthorization=\"ACCEPT\"\n");
        ZonedDateTime t0 = ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).minusMinutes(10);

        // the backend refuses connections: the session starts and meters into the queue, then SIGKILL
        int wallboxTx;
        RuntimeProcess first = RuntimeProcess.start(home, directory, "console.log", Map.of());
        try (OcaWallbox wallbox = new OcaWallbox("PTK-WALLBOX")) {
            wallbox.connect("ws://127.0.0.1:" + first.ocppPort() + "/ocpp");
            wallbox.send(new BootNotificationRequest("PassVendor", "PassModel"));
            StartTransactionConfirmation started = wallbox.send(new StartTransactionRequest(1, "ANY-CARD", 1_000, t0));
            assertEquals("offline: accepted by offlineAuthorization=ACCEPT", AuthorizationStatus.Accepted,
                    started.getIdTagInfo().getStatus());
            wallboxTx = started.getTransactionId();
            wallbox.send(meterValues(wallboxTx, signed("Transaction.Begin", t0)));
            wallbox.send(meterValues(wallboxTx, register(t0.plusMinutes(1), 1_500)));
            Await.until("StartTransaction and 2 MeterValues queued", Duration.ofSeconds(30),
                    () -> OcppGatewayKillIT.queued(first) == 3);
            first.kill();
        } finally {
            first.close();
        }

        List<Request> received = new CopyOnWriteArrayList<>();
        AtomicReference<UUID> session = new AtomicReference<>();
        JSONServer backend = null;
        try (RuntimeProcess second = RuntimeProcess.start(home, directory, "console-after-kill.log", Map.of());
                OcaWallbox wallbox = new OcaWallbox("PTK-WALLBOX")) {
            Await.until("the queue survived SIGKILL", Duration.ofSeconds(30),
                    () -> OcppGatewayKillIT.queued(second) == 3);
            // the wallbox reconnects to the restarted central system and finishes its session, still offline
            wallbox.connect("ws://127.0.0.1:" + second.ocppPort() + "/ocpp");
            wallbox.send(new BootNotificationRequest("PassVendor", "PassModel"));
            wallbox.send(meterValues(wallboxTx, register(t0.plusMinutes(2), 2_000)));
            StopTransactionRequest stop = new StopTransactionRequest(4_000, t0.plusMinutes(3), wallboxTx);
            stop.setIdTag("ANY-CARD");
            stop.setTransactionData(new MeterValue[] {signed("Transaction.End", t0.plusMinutes(3))});
            wallbox.send(stop);
            Await.until("the whole session queued", Duration.ofSeconds(30), () -> OcppGatewayKillIT.queued(second) == 5);

            backend = OcppGatewayKillIT.backend(backendPort, received, session);
            Await.until("the queue delivered to the returned backend", Duration.ofSeconds(150),
                    () -> OcppGatewayKillIT.queued(second) == 0
                            && received.stream().anyMatch(StopTransactionRequest.class::isInstance));
            List<Request> transaction = received.stream().filter(r -> r instanceof StartTransactionRequest
                    || r instanceof MeterValuesRequest || r instanceof StopTransactionRequest).toList();
            assertEquals("in order, each once: " + transaction, List.of(StartTransactionRequest.class,
                    MeterValuesRequest.class, MeterValuesRequest.class, MeterValuesRequest.class,
                    StopTransactionRequest.class), transaction.stream().map(Object::getClass).toList());
            StartTransactionRequest start = (StartTransactionRequest) transaction.get(0);
            assertEquals("ANY-CARD", start.getIdTag());
            assertEquals(Integer.valueOf(1_000), start.getMeterStart());
            assertEquals(t0.toInstant(), start.getTimestamp().toInstant());
            Instant previous = Instant.MIN;
            for (Request request : transaction.subList(1, 4)) {
                MeterValuesRequest values = (MeterValuesRequest) request;
                assertEquals("the backend's transaction ID", Integer.valueOf(100), values.getTransactionId());
                Instant at = values.getMeterValue()[0].getTimestamp().toInstant();
                assertTrue(at + " after " + previous, at.isAfter(previous));
                previous = at;
            }
            assertEquals("signed data unchanged", SIGNED,
                    ((MeterValuesRequest) transaction.get(1)).getMeterValue()[0].getSampledValue()[0].getValue());
            assertEquals(ValueFormat.SignedData,
                    ((MeterValuesRequest) transaction.get(1)).getMeterValue()[0].getSampledValue()[0].getFormat());
            StopTransactionRequest stopped = (StopTransactionRequest) transaction.get(4);
            assertEquals(Integer.valueOf(100), stopped.getTransactionId());
            assertEquals(Integer.valueOf(4_000), stopped.getMeterStop());
            assertEquals("signed data unchanged", SIGNED,
                    stopped.getTransactionData()[0].getSampledValue()[0].getValue());

            // online now: a new session, decided by the backend, under the load manager's profiles
            StartTransactionConfirmation online = wallbox.send(
                    new StartTransactionRequest(1, "ANY-CARD", 4_000, ZonedDateTime.now()));
            assertEquals("online the backend decides and its ID reaches the wallbox", Integer.valueOf(100),
                    online.getTransactionId());
            wallbox.send(new StatusNotificationRequest(1, ChargePointErrorCode.NoError, ChargePointStatus.Charging));
            // no MeterValues with current: the demo's simulated grid meter cannot see this wallbox's draw
            double before = awaitProfile(wallbox, "the load manager's limit above 10 A", limit -> limit > 10.0);

            ChargingProfile profile = new ChargingProfile(7, 0, ChargingProfilePurposeType.TxDefaultProfile,
                    ChargingProfileKindType.Relative, new ChargingSchedule(ChargingRateUnitType.A,
                            new ChargingSchedulePeriod[] {new ChargingSchedulePeriod(0, 10.0)}));
            SetChargingProfileConfirmation answer = (SetChargingProfileConfirmation) backend
                    .send(session.get(), new SetChargingProfileRequest(1, profile)).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertEquals(ChargingProfileStatus.Accepted, answer.getStatus());
            double after = awaitProfile(wallbox, "the backend's 10 A at the wallbox",
                    limit -> limit > 0 && limit <= 10.0);
            Await.until("the backend's cap is what limits the wallbox", Duration.ofSeconds(30), () -> {
                JsonObject limit = OcppGatewayKillIT.limit(second, "ocpp-PTK-WALLBOX-1");
                return limit != null && limit.get("currentAmps").getAsDouble() == 10.0
                        && "OCPP backend PTK-BACKEND".equals(limit.get("detail").getAsString());
            });
            System.out.printf("OcppGatewayPassThroughIT: wallbox transaction %d, limit %.1f A before and %.1f A "
                    + "after the backend's TxDefaultProfile%n", wallboxTx, before, after);
        } finally {
            if (backend != null) {
                backend.close();
            }
        }
    }

    /** The limit of the first SetChargingProfile for connector 1 that satisfies the condition. */
    private static double awaitProfile(OcaWallbox wallbox, String what, java.util.function.DoublePredicate condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<Double> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            SetChargingProfileRequest set = wallbox.nextProfile(500);
            if (set != null && set.getConnectorId() == 1) {
                assertEquals(ChargingRateUnitType.A,
                        set.getCsChargingProfiles().getChargingSchedule().getChargingRateUnit());
                double limit = OcaWallbox.limit(set);
                seen.add(limit);
                if (condition.test(limit)) {
                    return limit;
                }
            }
        }
        throw new AssertionError(what + ": not within 60 s; the wallbox got " + seen);
    }

    private static MeterValuesRequest meterValues(int transactionId, MeterValue value) {
        MeterValuesRequest request = new MeterValuesRequest(1);
        request.setTransactionId(transactionId);
        request.setMeterValue(new MeterValue[] {value});
        return request;
    }

    private static MeterValue signed(String context, ZonedDateTime at) {
        SampledValue value = new SampledValue(SIGNED);
        value.setFormat(ValueFormat.SignedData);
        value.setContext(context);
        return new MeterValue(at, new SampledValue[] {value});
    }

    private static MeterValue register(ZonedDateTime at, int wattHours) {
        SampledValue value = new SampledValue(Integer.toString(wattHours));
        value.setMeasurand("Energy.Active.Import.Register");
        value.setUnit("Wh");
        value.setContext("Sample.Periodic");
        return new MeterValue(at, new SampledValue[] {value});
    }
}
