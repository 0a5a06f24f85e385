package org.chargingmanager.ocpp.gateway.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.chargingmanager.api.evse.ChargingCap;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.ocpp.RpcCallException;
import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.chargingmanager.ocpp.v16.Ocpp16Session;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One upstream connection: the WebSocket to the backend with reconnects (back-off 5 s … 5 min
 * with jitter), pings and dead-connection detection, the shared {@link Ocpp16Session}, and the
 * {@link VirtualChargePoint} behind it. Everything runs on one thread of its own; time comes
 * from the clock, so tests move it instead of sleeping. One log line per state change.
 */
final class Gateway implements UpstreamConnection.Listener, VirtualChargePoint.Upstream, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    private static final Ocpp16JsonCodec CODEC = Ocpp16JsonCodec.forRole(Role.CHARGE_POINT);

    private final GatewaySettings settings;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final HttpClient httpClient;
    private final TransactionJournal journal;
    private final ConfigurationKeys keys;
    private final UpstreamChargePoint chargePoint;
    private final PassThroughChargePoint passThrough;
    private final Backoff backoff;
    private volatile UpstreamState state = UpstreamState.DISCONNECTED;
    private volatile Instant since;
    private volatile String lastError;
    private UpstreamConnection connection;
    private Ocpp16Session session;
    private Instant nextAttemptAt = Instant.MIN;
    private Instant lastHeard;
    private Instant lastPing;
    private String lastLoggedFailure;
    private String lastStepFailure;

    /**
     * @param dataDirectory where the queue and the configuration keys are kept
     * @param tickMillis how often the clock is looked at (1000 in production, less in tests)
     */
    Gateway(GatewaySettings settings, Path dataDirectory, Function<String, Evse> evses, Clock clock, long tickMillis)
            throws IOException, GeneralSecurityException {
        this(settings, dataDirectory, evses, clock, tickMillis, null);
    }

    /** @param proxy the SMGW's CLS channel as an HTTP CONNECT proxy (OCPP through the SMGW); null for none */
    Gateway(GatewaySettings settings, Path dataDirectory, Function<String, Evse> evses, Clock clock, long tickMillis,
            java.net.InetSocketAddress proxy) throws IOException, GeneralSecurityException {
        this.settings = settings;
        this.clock = clock;
        this.since = clock.instant();
        String fileName = settings.chargeBoxId().replaceAll("[^A-Za-z0-9._-]", "_");
        this.journal = TransactionJournal.open(dataDirectory.resolve(fileName + ".queue"), settings.queueCapacity(),
                settings.chargeBoxId());
        this.keys = new ConfigurationKeys(settings.evseIds().size(), dataDirectory.resolve(fileName + ".keys"));
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ocpp-gateway-" + settings.chargeBoxId());
            thread.setDaemon(true);
            return thread;
        });
        this.httpClient = HttpClients.forSettings(settings, proxy);
        this.backoff = new Backoff(new SecureRandom()::nextDouble);
        LocalAuthList localList = new LocalAuthList(dataDirectory.resolve(fileName + ".locallist"));
        if (settings.passThrough()) {
            this.passThrough = new PassThroughChargePoint(settings, keys, journal, clock, executor, this, localList,
                    dataDirectory.resolve(fileName + ".boot"), new ProfileCaps(settings, evses,
                            dataDirectory.resolve(fileName + ".profiles")));
            this.chargePoint = passThrough;
        } else {
            this.passThrough = null;
            this.chargePoint = new VirtualChargePoint(settings, keys, journal, evses, clock, CODEC, this,
                    dataDirectory.resolve(fileName + ".profiles"), localList);
        }
        executor.scheduleWithFixedDelay(this::tickSafely, 0, tickMillis, TimeUnit.MILLISECONDS);
    }

    List<ChargingCap> caps() {
        return chargePoint.caps();
    }

    /** In pass-through mode: what the central system hands the wallbox's messages to. */
    java.util.Optional<org.chargingmanager.ocpp.relay.ChargePointUplink> uplink() {
        return java.util.Optional.ofNullable(passThrough);
    }

    UpstreamStatus status() {
        return new UpstreamStatus(settings.chargeBoxId(), settings.connectUri().toString(), state,
                state == UpstreamState.CONNECTED || state == UpstreamState.ACCEPTED, since, lastError,
                journal.size(), journal.droppedMeterValues(), chargePoint.view());
    }

    /** Runs a task on the gateway's thread and waits for it (tests, the operator view). */
    <T> T onGatewayThread(java.util.concurrent.Callable<T> task) throws Exception {
        return executor.submit(task).get(10, TimeUnit.SECONDS);
    }

    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            String failure = e.toString();
            if (!failure.equals(lastStepFailure)) {
                LOG.error("chargeBox={} gateway step failed (logged again only when the failure changes)",
                        settings.chargeBoxId(), e);
                lastStepFailure = failure;
            }
        }
    }

    private void tick() {
        Instant now = clock.instant();
        if (state == UpstreamState.DISCONNECTED && !now.isBefore(nextAttemptAt)) {
            attempt();
        }
        if (session != null && (state == UpstreamState.CONNECTED || state == UpstreamState.ACCEPTED)) {
            session.expire();
            int pingSeconds = keys.getInt(ConfigurationKeys.WEB_SOCKET_PING_INTERVAL);
            if (pingSeconds > 0) {
                if (!now.isBefore(lastPing.plusSeconds(pingSeconds))) {
                    lastPing = now;
                    connection.ping();
                }
                Duration silentLimit = Duration.ofSeconds(pingSeconds * 2L).plus(settings.responseTimeout());
                if (now.isAfter(lastHeard.plus(silentLimit))) {
                    lost(connection, "no answer for " + silentLimit.toSeconds() + " s");
                    connection.abort();
                }
            }
        }
        if (state != UpstreamState.STOPPED) {
            chargePoint.tick(now);
            if (state == UpstreamState.CONNECTED && chargePoint.booted()) {
                changeState(UpstreamState.ACCEPTED, null);
                backoff.reset();
            }
        }
    }

    private void attempt() {
        changeState(UpstreamState.CONNECTING, null);
        UpstreamConnection attempt = new UpstreamConnection(httpClient, settings, executor, this);
        connection = attempt;
        attempt.connect().whenCompleteAsync((socket, failure) -> {
            if (failure != null && connection == attempt && state == UpstreamState.CONNECTING) {
                failed(reason(failure));
            }
        }, executor);
    }

    private static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private void failed(String reason) {
        Duration delay = backoff.nextDelay();
        nextAttemptAt = clock.instant().plus(delay);
        lastError = reason;
        changeState(UpstreamState.DISCONNECTED, null);
        if (!reason.equals(lastLoggedFailure)) {
            LOG.warn("chargeBox={} cannot connect to {}: {}; next attempt in {} s (later attempts are logged when "
                    + "the reason changes)", settings.chargeBoxId(), settings.connectUri(), reason, delay.toSeconds());
            lastLoggedFailure = reason;
        } else {
            LOG.debug("chargeBox={} cannot connect: {}; next attempt in {} s", settings.chargeBoxId(), reason,
                    delay.toSeconds());
        }
    }

    @Override
    public void opened(UpstreamConnection opened) {
        if (opened != connection || state == UpstreamState.STOPPED) {
            opened.abort();
            return;
        }
        lastHeard = clock.instant();
        lastPing = clock.instant();
        lastLoggedFailure = null;
        session = new Ocpp16Session(CODEC, opened::send, new SessionHandler(), new SessionEvents(), clock,
                settings.responseTimeout(), 100);
        LOG.info("chargeBox={} connected to the backend {} ({} queued transaction messages)", settings.chargeBoxId(),
                settings.connectUri(), journal.size());
        changeState(UpstreamState.CONNECTED, null);
        chargePoint.connected();
        chargePoint.tick(clock.instant());
    }

    @Override
    public void text(UpstreamConnection from, String frame) {
        if (from != connection || session == null || state == UpstreamState.STOPPED) {
            return;
        }
        lastHeard = clock.instant();
        session.receive(frame);
    }

    @Override
    public void oversized(UpstreamConnection from, String beginning) {
        if (from != connection || session == null) {
            return;
        }
        lastHeard = clock.instant();
        session.rejectOversized(beginning, UpstreamConnection.MAX_FRAME_CHARS);
    }

    @Override
    public void pong(UpstreamConnection from) {
        if (from == connection) {
            lastHeard = clock.instant();
        }
    }

    @Override
    public void closed(UpstreamConnection from, String reason) {
        if (from != connection) {
            return;
        }
        if (state == UpstreamState.CONNECTING) {
            failed(reason);
            return;
        }
        lost(from, reason);
    }

    private void lost(UpstreamConnection from, String reason) {
        if (state == UpstreamState.STOPPED || state == UpstreamState.DISCONNECTED) {
            return;
        }
        Ocpp16Session ended = session;
        session = null;
        chargePoint.disconnected();
        if (ended != null) {
            ended.close(reason);
        }
        Duration delay = backoff.nextDelay();
        nextAttemptAt = clock.instant().plus(delay);
        lastError = reason;
        LOG.warn("chargeBox={} lost the backend: {}; reconnecting in {} s ({} queued transaction messages)",
                settings.chargeBoxId(), reason, delay.toSeconds(), journal.size());
        changeState(UpstreamState.DISCONNECTED, null);
    }

    @Override
    public CompletableFuture<Confirmation> call(Request request) {
        Ocpp16Session current = session;
        if (current == null) {
            return CompletableFuture.failedFuture(new RpcCallException(RpcCallException.OFFLINE,
                    "the backend is not connected"));
        }
        return current.call(request);
    }

    @Override
    public CompletableFuture<org.chargingmanager.ocpp.v16.RawResult> callRaw(org.chargingmanager.ocpp.v16.Action action,
            String payloadJson) {
        Ocpp16Session current = session;
        if (current == null) {
            return CompletableFuture.failedFuture(new RpcCallException(RpcCallException.OFFLINE,
                    "the backend is not connected"));
        }
        return current.callRaw(action, payloadJson);
    }

    @Override
    public void reconnect(String reason) {
        UpstreamConnection current = connection;
        lost(current, reason);
        backoff.reset();
        nextAttemptAt = Instant.MIN;
        if (current != null) {
            current.close(reason);
        }
    }

    private void changeState(UpstreamState newState, String error) {
        if (state != newState) {
            state = newState;
            since = clock.instant();
            if (error != null) {
                lastError = error;
            }
            LOG.debug("chargeBox={} upstream {}", settings.chargeBoxId(), newState);
        }
    }

    @Override
    public void close() {
        try {
            executor.submit(() -> {
                changeState(UpstreamState.STOPPED, null);
                if (session != null) {
                    session.close("the gateway stopped");
                }
                if (connection != null) {
                    connection.close("the gateway stopped");
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("chargeBox={} stopping: {}", settings.chargeBoxId(), e.toString());
        }
        executor.shutdownNow();
        try {
            journal.close();
        } catch (IOException e) {
            LOG.warn("chargeBox={} closing the queue file: {}", settings.chargeBoxId(), e.toString());
        }
        LOG.info("chargeBox={} gateway stopped ({} transaction messages stay queued)", settings.chargeBoxId(),
                journal.size());
    }

    private final class SessionHandler implements Ocpp16Session.Handler {
        @Override
        public Object handle(Request request) {
            return chargePoint.handle(request, null);
        }

        @Override
        public Object handle(Request request, String payloadJson) {
            return chargePoint.handle(request, payloadJson);
        }

        @Override
        public void afterAnswer(Request request) {
            chargePoint.afterAnswer();
        }
    }

    private final class SessionEvents implements Ocpp16Session.Events {
        @Override
        public void rejected(RpcError reply) {
            LOG.warn("chargeBox={} the backend sent a bad frame, answered {}: {}", settings.chargeBoxId(),
                    reply.code().wireValue(), reply.description());
        }

        @Override
        public void callErrorReceived(String actionName, RpcError error) {
            LOG.warn("chargeBox={} the backend answered {} with CALLERROR {}: {}", settings.chargeBoxId(), actionName,
                    error.code().wireValue(), error.description());
        }

        @Override
        public void invalidResponse(String actionName, RpcError problem) {
            LOG.warn("chargeBox={} the backend's answer to {} is invalid: {}", settings.chargeBoxId(), actionName,
                    problem.description());
        }

        @Override
        public void unexpectedResponse(String messageId) {
            LOG.info("chargeBox={} the backend answered no outstanding CALL (id {}); ignored", settings.chargeBoxId(),
                    messageId);
        }

        @Override
        public void timedOut(String actionName) {
            LOG.warn("chargeBox={} the backend did not answer {} within {} s", settings.chargeBoxId(), actionName,
                    settings.responseTimeout().toSeconds());
        }

        @Override
        public void handlerFailed(Request request, RuntimeException failure) {
            LOG.error("chargeBox={} answering {} failed", settings.chargeBoxId(), request.action().wireName(),
                    failure);
        }
    }
}
