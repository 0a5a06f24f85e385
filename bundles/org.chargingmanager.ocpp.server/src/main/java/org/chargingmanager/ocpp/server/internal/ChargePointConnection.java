package org.chargingmanager.ocpp.server.internal;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.chargingmanager.ocpp.RpcCallException;
import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.RpcErrorCode;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.v16.Action;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.RawResult;
import org.chargingmanager.ocpp.v16.Inbound;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.chargingmanager.ocpp.v16.Ocpp16Session;
import org.chargingmanager.ocpp.v16.Request;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection of a charge point: the shared {@link Ocpp16Session} decodes frames,
 * answers its CALLs through the {@link ChargePoint}, and sends our CALLs one at a time (a queue
 * behind the outstanding one, with a response timeout). Jetty delivers one frame at a time per
 * connection; this class adds pings and dead-connection detection.
 */
public final class ChargePointConnection implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(ChargePointConnection.class);
    private static final int QUEUE_CAPACITY = 32;

    private final String chargeBoxId;
    private final ChargePointRegistry registry;
    private final Ocpp16JsonCodec codec;
    private final Ocpp16Session session;
    private final boolean secure;
    private final int securityProfile;
    private volatile Session webSocket;
    private volatile ChargePoint chargePoint;
    // epoch milliseconds, not Instants: written on every frame of every charger, a reference
    // would mark a card of the old generation each time and make every young collection longer
    private volatile long lastReceivedMillis = System.currentTimeMillis();
    private volatile long lastPingMillis = System.currentTimeMillis();
    private volatile boolean closed;
    private final Instant openedAt = Instant.now();
    private final OutgoingBudget outgoing = OutgoingBudget.defaults();
    private final CallRateLimit callRate = CallRateLimit.defaults(System.nanoTime());
    private volatile boolean overflowed;

    ChargePointConnection(String chargeBoxId, ChargePointRegistry registry, Ocpp16JsonCodec codec, boolean secure,
            int securityProfile) {
        this.chargeBoxId = chargeBoxId;
        this.securityProfile = securityProfile;
        this.registry = registry;
        this.codec = codec;
        this.secure = secure;
        this.session = new Ocpp16Session(codec, this::send, new Answers(), new SessionLog(), Clock.systemUTC(),
                registry.settings().responseTimeout(), QUEUE_CAPACITY);
    }

    String chargeBoxId() {
        return chargeBoxId;
    }

    /** 0 to 3, see {@link UpgradeGate#securityProfile}. */
    int securityProfile() {
        return securityProfile;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant lastReceived() {
        return Instant.ofEpochMilli(lastReceivedMillis);
    }

    boolean isOpen() {
        Session current = webSocket;
        return !closed && current != null && current.isOpen();
    }

    /**
     * Open as far as this class knows (opened, not yet closed), without asking Jetty: for the
     * timer, which asks for every charge point every second and would take each session's lock.
     */
    boolean isLive() {
        return !closed && webSocket != null;
    }

    @Override
    public void onWebSocketOpen(Session newSession) {
        this.webSocket = newSession;
        this.lastReceivedMillis = System.currentTimeMillis();
        LOG.info("chargeBox={} connected from {} ({}, security profile {})", chargeBoxId,
                newSession.getRemoteSocketAddress(), secure ? "wss" : "ws", securityProfile);
        this.chargePoint = registry.attach(this);
    }

    @Override
    public void onWebSocketText(String text) {
        lastReceivedMillis = System.currentTimeMillis();
        session.receive(text);
    }

    /**
     * Answers the charge point's CALLs through its {@link ChargePoint}, within its
     * {@link CallRateLimit}: beyond it a CALL is answered GenericError, and a charger that keeps
     * flooding is disconnected. Jetty delivers one frame at a time, so no lock is needed.
     */
    private final class Answers implements Ocpp16Session.Handler {
        private boolean refused;

        @Override
        public Object handle(Request request) {
            return withinRate(request, () -> chargePoint.handle(request));
        }

        /** The pass-through variant (the CALL's payload as received): within the same rate limit. */
        @Override
        public Object handle(Request request, String payloadJson) {
            return withinRate(request, () -> chargePoint.handle(request, payloadJson));
        }

        private Object withinRate(Request request, java.util.function.Supplier<Object> answer) {
            CallRateLimit.Verdict verdict = callRate.onCall(System.nanoTime());
            refused = verdict != CallRateLimit.Verdict.ANSWER;
            if (verdict == CallRateLimit.Verdict.ANSWER) {
                return answer.get();
            }
            if (verdict == CallRateLimit.Verdict.DISCONNECT) {
                LOG.warn("chargeBox={} went on sending CALLs after {} refusals: disconnected", chargeBoxId,
                        callRate.refusedSinceCalm());
                registry.scheduler().execute(() -> close(StatusCode.POLICY_VIOLATION, "too many CALLs"));
            } else if (callRate.refusedSinceCalm() == 1) {
                LOG.warn("chargeBox={} sends more than {} CALLs per second: {} answered GenericError until it slows down",
                        chargeBoxId, (int) callRate.perSecond(), request.action().wireName());
            } else {
                LOG.debug("chargeBox={} {} refused: too many CALLs", chargeBoxId, request.action().wireName());
            }
            return RpcError.of("", RpcErrorCode.GENERIC_ERROR,
                    "too many CALLs: at most " + (int) callRate.perSecond() + " per second; retry later");
        }

        @Override
        public void afterAnswer(Request request) {
            if (!refused) {
                chargePoint.afterAnswer(request, ChargePointConnection.this);
            }
        }
    }

    /** One log line per event worth knowing. */
    private final class SessionLog implements Ocpp16Session.Events {
        @Override
        public void rejected(RpcError reply) {
            LOG.warn("chargeBox={} sent a bad frame, answered {}: {}", chargeBoxId, reply.code().wireValue(),
                    reply.description());
        }

        @Override
        public void callErrorReceived(String actionName, RpcError error) {
            LOG.warn("chargeBox={} answered {} with CALLERROR {}: {}", chargeBoxId, actionName,
                    error.code().wireValue(), error.description());
        }

        @Override
        public void invalidResponse(String actionName, RpcError problem) {
            LOG.warn("chargeBox={} sent an invalid answer to {}: {}", chargeBoxId, actionName, problem.description());
        }

        @Override
        public void unexpectedResponse(String messageId) {
            LOG.info("chargeBox={} sent an answer to no outstanding CALL (id {}); ignored", chargeBoxId, messageId);
        }

        @Override
        public void timedOut(String actionName) {
            LOG.warn("chargeBox={} did not answer {} within {} s", chargeBoxId, actionName,
                    registry.settings().responseTimeout().toSeconds());
        }

        @Override
        public void handlerFailed(Request request, RuntimeException failure) {
            LOG.error("chargeBox={} {} failed", chargeBoxId, request.action().wireName(), failure);
        }
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        lastReceivedMillis = System.currentTimeMillis();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        lastReceivedMillis = System.currentTimeMillis();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        LOG.info("chargeBox={} connection error: {}", chargeBoxId, cause.toString());
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        LOG.info("chargeBox={} disconnected ({} {})", chargeBoxId, statusCode, reason == null ? "" : reason);
        closed();
    }

    private void closed() {
        if (closed) {
            return;
        }
        closed = true;
        session.close("the connection of " + chargeBoxId + " closed");
        registry.detach(this);
    }

    /** Sends a CALL after the ones before it; the future fails with {@link OcppCallException}. */
    CompletableFuture<Confirmation> call(Request request) {
        CompletableFuture<Confirmation> result = new CompletableFuture<>();
        if (!isOpen()) {
            result.completeExceptionally(new OcppCallException("Offline", chargeBoxId + " is not connected"));
            return result;
        }
        LOG.debug("chargeBox={} -> {}", chargeBoxId, request.action().wireName());
        session.call(request).whenComplete((confirmation, failure) -> {
            if (failure == null) {
                result.complete(confirmation);
            } else if (failure instanceof RpcCallException rpc) {
                result.completeExceptionally(new OcppCallException(rpc.code(), rpc.getMessage()));
            } else {
                result.completeExceptionally(failure);
            }
        });
        return result;
    }

    /** Sends a CALL with this payload exactly as given; the future fails with {@link RpcCallException}. */
    CompletableFuture<RawResult> callRaw(Action action, String payloadJson) {
        if (!isOpen()) {
            return CompletableFuture.failedFuture(new RpcCallException(RpcCallException.OFFLINE,
                    chargeBoxId + " is not connected"));
        }
        LOG.debug("chargeBox={} -> {} (passed through)", chargeBoxId, action.wireName());
        try {
            return session.callRaw(action, payloadJson);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Hands a frame to the socket within the {@link OutgoingBudget}: a charge point that does not
     * read what it is sent is disconnected once its budget is full.
     */
    void send(String text) {
        Session current = webSocket;
        if (current == null || closed) {
            return;
        }
        int bytes = text.length(); // OCPP JSON is mostly ASCII: characters approximate the bytes
        if (!outgoing.tryAcquire(bytes)) {
            overflowed(current);
            return;
        }
        current.sendText(text, Callback.from(() -> outgoing.release(bytes), failure -> {
            outgoing.release(bytes);
            LOG.debug("chargeBox={} send failed: {}", chargeBoxId, failure.toString());
        }));
    }

    private void overflowed(Session current) {
        if (overflowed) {
            return;
        }
        overflowed = true;
        LOG.warn("chargeBox={} does not read what it is sent: {} frames ({} bytes) not yet written: disconnected",
                chargeBoxId, outgoing.frames(), outgoing.bytes());
        current.disconnect();
        closed();
    }

    /** Frames handed to the socket and not yet written (for tests and status). */
    int framesNotWritten() {
        return outgoing.frames();
    }

    /**
     * Called every second: response timeouts, pings, dead-connection detection.
     *
     * @param deadBefore a connection that received nothing since then is taken offline
     * @param pingBefore a connection quiet since then (nothing received, no ping sent) is pinged
     */
    void tick(Instant now, Instant deadBefore, Instant pingBefore) {
        session.expire();
        Session current = webSocket;
        if (current == null || closed) {
            return;
        }
        long lastReceived = lastReceivedMillis;
        if (lastReceived < deadBefore.toEpochMilli()) {
            LOG.warn("chargeBox={} answered nothing for {} s: taken offline", chargeBoxId,
                    registry.settings().deadAfter().toSeconds());
            current.disconnect();
            closed();
            return;
        }
        // a charger that sent something within the interval is alive: no ping (at 15,000 chargers
        // with Heartbeat/MeterValues every 10 s, fixed pings were 1,000 extra frames each way per second)
        long quietSince = Math.max(lastReceived, lastPingMillis);
        if (quietSince <= pingBefore.toEpochMilli()) {
            lastPingMillis = now.toEpochMilli();
            current.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    /** Closes this connection, e.g. because the same charge box ID connected again. */
    void close(String reason) {
        close(StatusCode.NORMAL, reason);
    }

    private void close(int statusCode, String reason) {
        Session current = webSocket;
        if (current != null && current.isOpen()) {
            current.close(statusCode, reason, Callback.NOOP);
        }
        closed();
    }
}
