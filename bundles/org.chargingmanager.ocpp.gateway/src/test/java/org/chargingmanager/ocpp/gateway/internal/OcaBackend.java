package org.chargingmanager.ocpp.gateway.internal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;

import eu.chargetime.ocpp.AuthenticationException;
import eu.chargetime.ocpp.JSONConfiguration;
import eu.chargetime.ocpp.JSONServer;
import eu.chargetime.ocpp.ServerEvents;
import eu.chargetime.ocpp.feature.profile.ServerCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ServerCoreProfile;
import eu.chargetime.ocpp.feature.profile.ServerRemoteTriggerProfile;
import eu.chargetime.ocpp.feature.profile.ServerSmartChargingProfile;
import eu.chargetime.ocpp.model.Confirmation;
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
 * A third-party OCPP 1.6J backend for the tests: Java-OCA-OCPP's JSONServer on a loopback port,
 * recording every request of the charge point in order and the Basic auth credentials it got.
 */
final class OcaBackend implements AutoCloseable {

    final List<Request> received = new CopyOnWriteArrayList<>();
    private final java.util.Map<Request, java.time.Instant> receivedAt = java.util.Collections
            .synchronizedMap(new java.util.IdentityHashMap<>());
    final List<String> identities = new CopyOnWriteArrayList<>();
    volatile String username;
    volatile byte[] password;
    volatile String requiredPassword;
    volatile UUID session;
    final AtomicInteger nextTransactionId = new AtomicInteger(100);
    final int port;
    private final JSONServer server;

    OcaBackend(int port, SSLContext tls) throws IOException {
        this.port = port;
        ServerCoreProfile core = new ServerCoreProfile(new Handler());
        server = new JSONServer(core, JSONConfiguration.get());
        server.addFeatureProfile(new ServerSmartChargingProfile());
        server.addFeatureProfile(new ServerRemoteTriggerProfile());
        if (tls != null) {
            server.enableWSS(tls);
        }
        server.open("127.0.0.1", port, new ServerEvents() {
            @Override
            public void authenticateSession(SessionInformation information, String user, byte[] secret)
                    throws AuthenticationException {
                username = user;
                password = secret;
                String required = requiredPassword;
                if (required != null && !required.equals(new String(secret, java.nio.charset.StandardCharsets.UTF_8))
                        && !java.util.Arrays.equals(secret, GatewaySettings.authorizationKeyBytes(required))) {
                    throw new AuthenticationException(401, "wrong password");
                }
            }

            @Override
            public void newSession(UUID id, SessionInformation information) {
                identities.add(information.getIdentifier());
                session = id;
            }

            @Override
            public void lostSession(UUID id) {
                if (id.equals(session)) {
                    session = null;
                }
            }
        });
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    CompletionStage<Confirmation> send(Request request) throws Exception {
        return server.send(session, request);
    }

    /** When a MeterValues request arrived (the backend's clock). */
    java.time.Instant receivedAt(Request request) {
        return receivedAt.get(request);
    }

    <T extends Request> List<T> received(Class<T> type) {
        return received.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The actions received in order, e.g. {@code [BootNotification, StatusNotification, ...]}. */
    List<String> actions() {
        return received.stream().map(r -> r.getClass().getSimpleName().replace("Request", "")).toList();
    }

    @Override
    public void close() {
        server.close();
    }

    private final class Handler implements ServerCoreEventHandler {
        @Override
        public AuthorizeConfirmation handleAuthorizeRequest(UUID id, AuthorizeRequest request) {
            received.add(request);
            return new AuthorizeConfirmation(new IdTagInfo(request.getIdTag().startsWith("BLOCKED")
                    ? AuthorizationStatus.Blocked : AuthorizationStatus.Accepted));
        }

        @Override
        public BootNotificationConfirmation handleBootNotificationRequest(UUID id, BootNotificationRequest request) {
            received.add(request);
            return new BootNotificationConfirmation(ZonedDateTime.now(), 300, RegistrationStatus.Accepted);
        }

        @Override
        public DataTransferConfirmation handleDataTransferRequest(UUID id, DataTransferRequest request) {
            received.add(request);
            return new DataTransferConfirmation(DataTransferStatus.Accepted);
        }

        @Override
        public HeartbeatConfirmation handleHeartbeatRequest(UUID id, HeartbeatRequest request) {
            received.add(request);
            return new HeartbeatConfirmation(ZonedDateTime.now());
        }

        @Override
        public MeterValuesConfirmation handleMeterValuesRequest(UUID id, MeterValuesRequest request) {
            receivedAt.put(request, java.time.Instant.now());
            received.add(request);
            return new MeterValuesConfirmation();
        }

        @Override
        public StartTransactionConfirmation handleStartTransactionRequest(UUID id, StartTransactionRequest request) {
            received.add(request);
            return new StartTransactionConfirmation(new IdTagInfo(AuthorizationStatus.Accepted),
                    nextTransactionId.getAndIncrement());
        }

        @Override
        public StatusNotificationConfirmation handleStatusNotificationRequest(UUID id,
                StatusNotificationRequest request) {
            received.add(request);
            return new StatusNotificationConfirmation();
        }

        @Override
        public StopTransactionConfirmation handleStopTransactionRequest(UUID id, StopTransactionRequest request) {
            received.add(request);
            return new StopTransactionConfirmation();
        }
    }
}
