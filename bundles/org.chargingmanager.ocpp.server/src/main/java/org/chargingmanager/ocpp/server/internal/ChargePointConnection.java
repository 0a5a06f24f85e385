package org.chargingmanager.ocpp.server.internal;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.chargingmanager.ocpp.PendingCalls;
import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.Inbound;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.chargingmanager.ocpp.v16.Request;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection of a charge point: decodes frames, answers its CALLs through the
 * {@link ChargePoint}, and sends our CALLs one at a time (a queue behind the outstanding one,
 * with a response timeout). Jetty delivers one frame at a time per connection.
 */
public final class ChargePointConnection implements Session.Listener.AutoDemanding {

    private static final Logger LOG = LoggerFactory.getLogger(ChargePointConnection.class);
    private static final int QUEUE_CAPACITY = 32;

    private final String chargeBoxId;
    private final ChargePointRegistry registry;
    private final Ocpp16JsonCodec codec;
    private final PendingCalls<OutboundCall> pending;
    private final AtomicLong messageIds = new AtomicLong();
    private final boolean secure;
    private final int securityProfile;
    private volatile Session session;
    private volatile ChargePoint chargePoint;
    private volatile Instant lastReceived = Instant.now();
    private volatile Instant lastPing = Instant.now();
    private volatile boolean closed;
    private final Instant openedAt = Instant.now();

    ChargePointConnection(String chargeBoxId, ChargePointRegistry registry, Ocpp16JsonCodec codec, boolean secure,
            int securityProfile) {
        this.chargeBoxId = chargeBoxId;
        this.securityProfile = securityProfile;
        this.registry = registry;
        this.codec = codec;
        this.secure = secure;
        this.pending = new PendingCalls<>(registry.settings().responseTimeout(), QUEUE_CAPACITY);
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
        return lastReceived;
    }

    boolean isOpen() {
        Session current = session;
        return !closed && current != null && current.isOpen();
    }

    @Override
    public void onWebSocketOpen(Session newSession) {
        this.session = newSession;
        this.lastReceived = Instant.now();
        LOG.info("chargeBox={} connected from {} ({}, security profile {})", chargeBoxId,
                newSession.getRemoteSocketAddress(), secure ? "wss" : "ws", securityProfile);
        this.chargePoint = registry.attach(this);
    }

    @Override
    public void onWebSocketText(String text) {
        lastReceived = Instant.now();
        Inbound inbound = codec.decode(text, this::outstandingActionName);
        if (inbound instanceof Inbound.Call call) {
            answer(call);
        } else if (inbound instanceof Inbound.Rejected rejected) {
            LOG.warn("chargeBox={} sent a bad frame, answered {}: {}", chargeBoxId, rejected.reply().code().wireValue(),
                    rejected.reply().description());
            send(codec.encodeError(rejected.reply()));
        } else if (inbound instanceof Inbound.Result result) {
            finish(result.messageId()).ifPresent(call -> call.result().complete(result.confirmation()));
        } else if (inbound instanceof Inbound.ErrorReceived error) {
            RpcError rpcError = error.error();
            finish(rpcError.messageId()).ifPresent(call -> {
                LOG.warn("chargeBox={} answered {} with CALLERROR {}: {}", chargeBoxId, call.actionName(),
                        rpcError.code().wireValue(), rpcError.description());
                call.result().completeExceptionally(new OcppCallException(rpcError.code().wireValue(),
                        call.actionName() + ": " + rpcError.description()));
            });
        } else if (inbound instanceof Inbound.InvalidResponse invalid) {
            finish(invalid.messageId()).ifPresent(call -> {
                LOG.warn("chargeBox={} sent an invalid answer to {}: {}", chargeBoxId, call.actionName(),
                        invalid.problem().description());
                call.result().completeExceptionally(new OcppCallException("InvalidResponse",
                        invalid.problem().description()));
            });
        } else if (inbound instanceof Inbound.UnexpectedResponse unexpected) {
            LOG.info("chargeBox={} sent an answer to no outstanding CALL (id {}); ignored", chargeBoxId,
                    unexpected.messageId());
        }
    }

    private void answer(Inbound.Call call) {
        ChargePoint target = chargePoint;
        Object answer;
        try {
            answer = target.handle(call.request());
        } catch (RuntimeException e) {
            LOG.error("chargeBox={} {} failed", chargeBoxId, call.request().action().wireName(), e);
            answer = RpcError.of(call.messageId(), org.chargingmanager.ocpp.RpcErrorCode.INTERNAL_ERROR,
                    "the central system could not process it: " + e.getClass().getSimpleName());
        }
        if (answer instanceof Confirmation confirmation) {
            send(codec.encodeConfirmation(call.messageId(), confirmation));
        } else if (answer instanceof RpcError error) {
            send(codec.encodeError(new RpcError(call.messageId(), error.code(), error.description(), error.detailsJson())));
        }
        target.afterAnswer(call.request());
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        lastReceived = Instant.now();
    }

    @Override
    public void onWebSocketPing(ByteBuffer payload) {
        lastReceived = Instant.now();
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
        List<OutboundCall> failed;
        synchronized (this) {
            failed = pending.clear();
        }
        for (OutboundCall call : failed) {
            call.result().completeExceptionally(new OcppCallException("Offline",
                    call.actionName() + ": the connection of " + chargeBoxId + " closed"));
        }
        registry.detach(this);
    }

    /** Sends a CALL after the ones before it; the future fails with {@link OcppCallException}. */
    CompletableFuture<Confirmation> call(Request request) {
        CompletableFuture<Confirmation> result = new CompletableFuture<>();
        if (!isOpen()) {
            result.completeExceptionally(new OcppCallException("Offline", chargeBoxId + " is not connected"));
            return result;
        }
        OutboundCall call = new OutboundCall(Long.toString(messageIds.incrementAndGet(), 36), request, result);
        String frame;
        try {
            frame = codec.encodeCall(call.outgoing());
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(e);
            return result;
        }
        // the frame must be there before the call is queued: another thread (an answer arriving,
        // the timer) may take it as the next one to send at once
        frames.put(call.messageId(), frame);
        boolean queued;
        synchronized (this) {
            queued = pending.enqueue(call);
        }
        if (!queued) {
            frames.remove(call.messageId());
            result.completeExceptionally(new OcppCallException("QueueFull",
                    "too many CALLs waiting for " + chargeBoxId));
            return result;
        }
        sendNext();
        return result;
    }

    private final java.util.concurrent.ConcurrentHashMap<String, String> frames = new java.util.concurrent.ConcurrentHashMap<>();

    private void sendNext() {
        Optional<OutboundCall> next;
        synchronized (this) {
            next = pending.takeNextToSend(Instant.now());
        }
        next.ifPresent(call -> {
            String frame = frames.remove(call.messageId());
            if (frame == null) {
                LOG.warn("chargeBox={} {} has no frame to send; it times out", chargeBoxId, call.actionName());
                return;
            }
            LOG.debug("chargeBox={} -> {}", chargeBoxId, call.actionName());
            send(frame);
        });
    }

    private Optional<OutboundCall> finish(String messageId) {
        Optional<OutboundCall> done;
        synchronized (this) {
            done = pending.complete(messageId);
        }
        done.ifPresent(call -> frames.remove(call.messageId()));
        sendNext();
        return done;
    }

    private Optional<String> outstandingActionName(String messageId) {
        synchronized (this) {
            return pending.outstandingActionName(messageId);
        }
    }

    void send(String text) {
        Session current = session;
        if (current == null || closed) {
            return;
        }
        current.sendText(text, Callback.from(() -> {
        }, failure -> LOG.debug("chargeBox={} send failed: {}", chargeBoxId, failure.toString())));
    }

    /** Called every second: response timeouts, pings, dead-connection detection. */
    void tick(Instant now) {
        Optional<OutboundCall> expired;
        synchronized (this) {
            expired = pending.expire(now);
        }
        expired.ifPresent(call -> {
            frames.remove(call.messageId());
            LOG.warn("chargeBox={} did not answer {} within {} s", chargeBoxId, call.actionName(),
                    registry.settings().responseTimeout().toSeconds());
            call.result().completeExceptionally(new OcppCallException("Timeout",
                    call.actionName() + ": no answer from " + chargeBoxId));
            sendNext();
        });
        Session current = session;
        if (current == null || closed) {
            return;
        }
        if (lastReceived.plus(registry.settings().deadAfter()).isBefore(now)) {
            LOG.warn("chargeBox={} answered nothing for {} s: taken offline", chargeBoxId,
                    registry.settings().deadAfter().toSeconds());
            current.disconnect();
            closed();
            return;
        }
        if (!lastPing.plus(registry.settings().pingInterval()).isAfter(now)) {
            lastPing = now;
            current.sendPing(ByteBuffer.allocate(0), Callback.NOOP);
        }
    }

    /** Closes this connection, e.g. because the same charge box ID connected again. */
    void close(String reason) {
        Session current = session;
        if (current != null && current.isOpen()) {
            current.close(StatusCode.NORMAL, reason, Callback.NOOP);
        }
        closed();
    }
}
