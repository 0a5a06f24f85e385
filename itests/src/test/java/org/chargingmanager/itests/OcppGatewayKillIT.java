package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import eu.chargetime.ocpp.JSONConfiguration;
import eu.chargetime.ocpp.JSONServer;
import eu.chargetime.ocpp.ServerEvents;
import eu.chargetime.ocpp.feature.profile.ServerCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ServerCoreProfile;
import eu.chargetime.ocpp.feature.profile.ServerSmartChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfile;
import eu.chargetime.ocpp.model.core.ChargingProfileKindType;
import eu.chargetime.ocpp.model.core.ChargingProfilePurposeType;
import eu.chargetime.ocpp.model.core.ChargingRateUnitType;
import eu.chargetime.ocpp.model.core.ChargingSchedule;
import eu.chargetime.ocpp.model.core.ChargingSchedulePeriod;
import eu.chargetime.ocpp.model.smartcharging.ChargingProfileStatus;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileConfirmation;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;
import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.SessionInformation;
import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.DataTransferConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.DataTransferStatus;
import eu.chargetime.ocpp.model.core.HeartbeatConfirmation;
import eu.chargetime.ocpp.model.core.HeartbeatRequest;
import eu.chargetime.ocpp.model.core.IdTagInfo;
import eu.chargetime.ocpp.model.core.MeterValuesConfirmation;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StatusNotificationConfirmation;
import eu.chargetime.ocpp.model.core.StatusNotificationRequest;
import eu.chargetime.ocpp.model.core.StopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;

/**
 * Issue 13's durability promise in the real standalone runtime: the demo's simulated wallbox
 * charges through the OCPP gateway while the backend refuses connections, so StartTransaction and
 * MeterValues pile up in the gateway's queue; the runtime's JVM is killed with SIGKILL; the backend
 * (Java-OCA-OCPP's JSONServer) comes up and the runtime restarts on the same data directory: the
 * queue is delivered in order with the backend's transaction ID, nothing lost, nothing twice. Then the
 * backend's TxProfile below the local limit reaches the simulated car through the real load manager.
 */
public class OcppGatewayKillIT {

    private static final String CHARGE_BOX = "GW-KILL";

    @Test
    public void theQueueSurvivesSigkillAndIsDeliveredOnceAfterTheRestart() throws Exception {
        Path directory = StandaloneRuntime.testDirectory("gateway-kill");
        Path home = copyRuntime(directory.resolve("home"));
        int backendPort = freePort();
        Files.writeString(home.resolve("etc/org.chargingmanager.ocpp.gateway-kill.config"),
                "url=\"ws://127.0.0.1:" + backendPort + "/ocpp\"\nchargeBoxId=\"" + CHARGE_BOX + "\"\n"
                        + "evseIds=[\"demo1-1\"]\nidTag=\"GARAGE\"\n");
        // the backend would set it with ChangeConfiguration; here it is there before the first start
        Files.createDirectories(directory.resolve("data/ocpp-gateway"));
        Files.writeString(directory.resolve("data/ocpp-gateway/" + CHARGE_BOX + ".keys"),
                "MeterValueSampleInterval=1\n");

        int queuedAtKill;
        Instant killedAt;
        RuntimeProcess first = RuntimeProcess.start(home, directory, "console.log", Map.of());
        try {
            Await.until("StartTransaction and MeterValues queued while the backend is away", Duration.ofSeconds(60),
                    () -> queued(first) >= 6);
            JsonObject connection = connection(first);
            assertEquals(false, connection.get("connected").getAsBoolean());
            assertTrue(connection.toString(), !connection.get("lastError").isJsonNull());
            queuedAtKill = queued(first);
            killedAt = Instant.now();
            first.kill();
        } finally {
            first.close();
        }

        List<Request> received = new CopyOnWriteArrayList<>();
        AtomicReference<UUID> session = new AtomicReference<>();
        JSONServer backend = backend(backendPort, received, session);
        try (RuntimeProcess second = RuntimeProcess.start(home, directory, "console-after-kill.log", Map.of())) {
            Await.until("the queue delivered", Duration.ofSeconds(60), () -> {
                long beforeKill = received.stream().filter(MeterValuesRequest.class::isInstance)
                        .map(MeterValuesRequest.class::cast)
                        .filter(m -> m.getMeterValue()[0].getTimestamp().toInstant().isBefore(killedAt)).count();
                return beforeKill >= queuedAtKill - 1 && queued(second) < 3;
            });
            List<StartTransactionRequest> starts = received.stream().filter(StartTransactionRequest.class::isInstance)
                    .map(StartTransactionRequest.class::cast).toList();
            assertEquals("one StartTransaction, the session continues after the restart", 1, starts.size());
            assertEquals("GARAGE", starts.get(0).getIdTag());
            List<MeterValuesRequest> meterValues = received.stream().filter(MeterValuesRequest.class::isInstance)
                    .map(MeterValuesRequest.class::cast).toList();
            Instant previous = Instant.MIN;
            for (MeterValuesRequest values : meterValues) {
                assertEquals(Integer.valueOf(100), values.getTransactionId());
                Instant at = values.getMeterValue()[0].getTimestamp().toInstant();
                assertTrue("in order and each once: " + at + " after " + previous, at.isAfter(previous));
                previous = at;
            }
            assertEquals("the car is still plugged in: no StopTransaction", 0,
                    received.stream().filter(StopTransactionRequest.class::isInstance).count());
            int startIndex = received.indexOf(starts.get(0));
            assertTrue("StartTransaction before its MeterValues", startIndex < received.indexOf(meterValues.get(0)));
            // the backend's limit below the local one: the real load manager gives the car 8 A
            ChargingProfile profile = new ChargingProfile(5, 0, ChargingProfilePurposeType.TxProfile,
                    ChargingProfileKindType.Relative, new ChargingSchedule(ChargingRateUnitType.A,
                            new ChargingSchedulePeriod[] { new ChargingSchedulePeriod(0, 8.0) }));
            profile.setTransactionId(100);
            SetChargingProfileConfirmation answer = (SetChargingProfileConfirmation) backend
                    .send(session.get(), new SetChargingProfileRequest(1, profile)).toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);
            assertEquals(ChargingProfileStatus.Accepted, answer.getStatus());
            Await.until("the load manager applies the backend's 8 A", Duration.ofSeconds(30), () -> {
                JsonObject limit = limit(second);
                return limit != null && limit.get("currentAmps").getAsDouble() == 8.0;
            });
            assertEquals("OCPP backend " + CHARGE_BOX, limit(second).get("detail").getAsString());
            System.out.printf("OcppGatewayKillIT: %d queued at SIGKILL, %d MeterValues delivered after the restart%n",
                    queuedAtKill, meterValues.size());
        } finally {
            backend.close();
        }
    }

    private static JsonObject limit(RuntimeProcess runtime) {
        return limit(runtime, "demo1-1");
    }

    /** The limit the load manager applies to the EVSE now ({@code currentAmps}, {@code detail}), or null. */
    static JsonObject limit(RuntimeProcess runtime, String evseId) {
        try {
            HttpResponse<String> response = runtime.get("/api/v1/evses/" + evseId);
            return response.statusCode() != 200 ? null
                    : JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonObject("limit");
        } catch (Exception e) {
            return null;
        }
    }

    /** The first gateway connection's {@code queuedMessages}, -1 while the API does not answer. */
    static int queued(RuntimeProcess runtime) {
        try {
            JsonObject connection = connection(runtime);
            return connection == null ? -1 : connection.get("queuedMessages").getAsInt();
        } catch (Exception e) {
            return -1;
        }
    }

    static JsonObject connection(RuntimeProcess runtime) throws Exception {
        HttpResponse<String> response = runtime.get("/api/v1/ocpp-gateway");
        if (response.statusCode() != 200) {
            return null;
        }
        var connections = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("connections");
        return connections.isEmpty() ? null : connections.get(0).getAsJsonObject();
    }

    static JSONServer backend(int port, List<Request> received, AtomicReference<UUID> session) {
        ServerCoreProfile core = new ServerCoreProfile(new ServerCoreEventHandler() {
            @Override
            public AuthorizeConfirmation handleAuthorizeRequest(UUID id, AuthorizeRequest request) {
                received.add(request);
                return new AuthorizeConfirmation(new IdTagInfo(AuthorizationStatus.Accepted));
            }

            @Override
            public BootNotificationConfirmation handleBootNotificationRequest(UUID id, BootNotificationRequest request) {
                received.add(request);
                return new BootNotificationConfirmation(ZonedDateTime.now(), 300, RegistrationStatus.Accepted);
            }

            @Override
            public DataTransferConfirmation handleDataTransferRequest(UUID id, DataTransferRequest request) {
                received.add(request);
                return new DataTransferConfirmation(DataTransferStatus.Rejected);
            }

            @Override
            public HeartbeatConfirmation handleHeartbeatRequest(UUID id, HeartbeatRequest request) {
                return new HeartbeatConfirmation(ZonedDateTime.now());
            }

            @Override
            public MeterValuesConfirmation handleMeterValuesRequest(UUID id, MeterValuesRequest request) {
                received.add(request);
                return new MeterValuesConfirmation();
            }

            @Override
            public StartTransactionConfirmation handleStartTransactionRequest(UUID id, StartTransactionRequest request) {
                received.add(request);
                return new StartTransactionConfirmation(new IdTagInfo(AuthorizationStatus.Accepted), 100);
            }

            @Override
            public StatusNotificationConfirmation handleStatusNotificationRequest(UUID id,
                    StatusNotificationRequest request) {
                return new StatusNotificationConfirmation();
            }

            @Override
            public StopTransactionConfirmation handleStopTransactionRequest(UUID id, StopTransactionRequest request) {
                received.add(request);
                return new StopTransactionConfirmation();
            }
        });
        JSONServer server = new JSONServer(core, JSONConfiguration.get());
        server.addFeatureProfile(new ServerSmartChargingProfile());
        server.open("127.0.0.1", port, new ServerEvents() {
            @Override
            public void authenticateSession(SessionInformation information, String username, byte[] password) {
            }

            @Override
            public void newSession(UUID id, SessionInformation information) {
                session.set(id);
            }

            @Override
            public void lostSession(UUID id) {
            }
        });
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A runtime of its own (with the demo site), so its etc/ can name the backend. */
    static Path copyRuntime(Path home) throws IOException {
        Path source = StandaloneRuntime.runtimeDirectory().toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> {
                Path target = home.resolve(source.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (!file.toString().contains("/data/")) {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.setPosixFilePermissions(home.resolve("bin/chargingmanager"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
