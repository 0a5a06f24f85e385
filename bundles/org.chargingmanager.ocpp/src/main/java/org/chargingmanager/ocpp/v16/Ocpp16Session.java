package org.chargingmanager.ocpp.v16;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

import org.chargingmanager.ocpp.PendingCalls;
import org.chargingmanager.ocpp.RpcCall;
import org.chargingmanager.ocpp.RpcCallException;
import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.RpcErrorCode;
import org.chargingmanager.ocpp.internal.FramePayload;

import com.google.gson.JsonPrimitive;

/**
 * One OCPP-J 1.6 connection seen from one side, without the transport: decodes received text
 * frames, answers the peer's CALLs through a {@link Handler}, and sends our CALLs one at a time
 * through {@link PendingCalls} (a bounded queue behind the outstanding CALL, a response timeout).
 * Used by the central system (towards wallboxes) and by the gateway (towards a backend), so
 * both follow the same rules.
 *
 * <p>The session never starts a thread or a timer: the transport calls {@link #receive(String)}
 * for every text frame (in order, one at a time), the owner calls {@link #expire()} on a timer
 * (every second is fine) and {@link #close(String)} when the connection ended. Time comes from
 * the {@link Clock} passed in. Thread-safe.
 *
 * <p>The peer's CALLs are answered in order, so a CALL never overtakes the answer of the one
 * before it. A handler may answer later (a relay waiting for a third party): until that answer
 * went out, another CALL of the peer breaks OCPP-J's one-outstanding-CALL rule and is refused
 * with the CALLERROR GenericError (the connection stays). Our own CALLs go out one at a time
 * as well. Every bad frame is answered with its CALLERROR (see
 * {@link Ocpp16JsonCodec}); the connection is kept. What happened is reported to the
 * {@link Events}, which logs it: this bundle does not log.
 */
public final class Ocpp16Session {

    /** Sends one text frame; must not block for long, must not throw. */
    @FunctionalInterface
    public interface Transport {
        void sendText(String frame);
    }

    /** Answers the peer's CALLs. */
    @FunctionalInterface
    public interface Handler {
        /**
         * @return the confirmation, or an {@link RpcError} (its message id is replaced by the
         *         CALL's); a thrown exception is answered with InternalError
         */
        Object handle(Request request);

        /**
         * Like {@link #handle(Request)}, with the CALL's payload as the exact text received (for
         * forwarding it byte for byte). The answer may also be a {@link RawConfirmation} (sent as
         * it is), or a {@link CompletionStage} completing with any of these later: the session
         * refuses the peer's further CALLs until it completes (an exceptional completion is
         * answered with InternalError). By default {@link #handle(Request)}.
         *
         * @since 1.2
         */
        default Object handle(Request request, String payloadJson) {
            return handle(request);
        }

        /** After the answer to {@code request} went out, e.g. to send a CALL that must follow it. */
        default void afterAnswer(Request request) {
        }
    }

    /** What happened on the session, for the owner's log. All methods default to nothing. */
    public interface Events {
        /** A bad frame was answered with this CALLERROR. */
        default void rejected(RpcError reply) {
        }

        /** The peer answered our CALL with a CALLERROR. */
        default void callErrorReceived(String actionName, RpcError error) {
        }

        /** The peer's answer to our CALL broke the schema; the CALL failed. */
        default void invalidResponse(String actionName, RpcError problem) {
        }

        /** An answer to no outstanding CALL (late or unknown); ignored. */
        default void unexpectedResponse(String messageId) {
        }

        /** The peer did not answer in time; the CALL failed. */
        default void timedOut(String actionName) {
        }

        /** Our handler threw while answering; answered with InternalError. */
        default void handlerFailed(Request request, RuntimeException failure) {
        }
    }

    private record Outbound(String messageId, Action action, String frame, CompletableFuture<Confirmation> result,
            CompletableFuture<RawResult> rawResult) implements RpcCall {
        @Override
        public String actionName() {
            return action.wireName();
        }

        void fail(Throwable failure) {
            result.completeExceptionally(failure);
            if (rawResult != null) {
                rawResult.completeExceptionally(failure);
            }
        }
    }

    private final Ocpp16JsonCodec codec;
    private final Transport transport;
    private final Handler handler;
    private final Events events;
    private final Clock clock;
    private final PendingCalls<Outbound> pending;
    private final AtomicLong messageIds = new AtomicLong();
    private final String messageIdPrefix;
    private volatile boolean closed;
    /** The message id of the peer's CALL being answered, or null; guarded by this. */
    private String answering;

    /**
     * @param responseTimeout how long the peer has to answer our CALL
     * @param queueCapacity how many of our CALLs may wait behind the outstanding one
     */
    public Ocpp16Session(Ocpp16JsonCodec codec, Transport transport, Handler handler, Events events, Clock clock,
            Duration responseTimeout, int queueCapacity) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.handler = Objects.requireNonNull(handler, "handler");
        this.events = events == null ? new Events() {
        } : events;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pending = new PendingCalls<>(responseTimeout, queueCapacity);
        // unique across reconnects, so a late answer to an old connection's CALL never matches a new one
        this.messageIdPrefix = Long.toString(clock.millis(), 36) + "-";
    }

    /** Handles one received text frame. */
    public void receive(String text) {
        Inbound inbound = codec.decode(text, this::outstandingActionName);
        if (inbound instanceof Inbound.Call call) {
            String busyWith;
            synchronized (this) {
                busyWith = answering;
                if (busyWith == null) {
                    answering = call.messageId();
                }
            }
            if (busyWith != null) {
                RpcError reply = RpcError.of(call.messageId(), RpcErrorCode.GENERIC_ERROR,
                        "CALL " + busyWith + " is still being answered; OCPP-J allows one outstanding CALL");
                events.rejected(reply);
                transport.sendText(codec.encodeError(reply));
                return;
            }
            answer(call, text);
        } else if (inbound instanceof Inbound.Rejected rejected) {
            events.rejected(rejected.reply());
            transport.sendText(codec.encodeError(rejected.reply()));
        } else if (inbound instanceof Inbound.Result result) {
            finish(result.messageId()).ifPresent(call -> {
                if (call.rawResult() != null) {
                    call.rawResult().complete(new RawResult(result.confirmation(), FramePayload.ofCallResult(text)));
                }
                call.result().complete(result.confirmation());
            });
        } else if (inbound instanceof Inbound.ErrorReceived error) {
            RpcError rpcError = error.error();
            finish(rpcError.messageId()).ifPresent(call -> {
                events.callErrorReceived(call.actionName(), rpcError);
                call.fail(new RpcCallException(rpcError.code().wireValue(),
                        call.actionName() + ": " + rpcError.description()));
            });
        } else if (inbound instanceof Inbound.InvalidResponse invalid) {
            finish(invalid.messageId()).ifPresent(call -> {
                events.invalidResponse(call.actionName(), invalid.problem());
                call.fail(new RpcCallException(RpcCallException.INVALID_RESPONSE, invalid.problem().description()));
            });
        } else if (inbound instanceof Inbound.UnexpectedResponse unexpected) {
            events.unexpectedResponse(unexpected.messageId());
        }
    }

    /**
     * Rejects a frame the transport could not take whole (e.g. larger than its limit), with
     * FormationViolation and the message id read from its beginning where possible.
     */
    public void rejectOversized(String beginning, int limitChars) {
        RpcError reply = RpcError.of(messageIdOf(beginning), RpcErrorCode.FORMATION_VIOLATION,
                "frame longer than " + limitChars + " characters");
        events.rejected(reply);
        transport.sendText(codec.encodeError(reply));
    }

    private static String messageIdOf(String beginning) {
        // [2,"id",... : the id is the second element, a short string
        int comma = beginning.indexOf(',');
        if (comma < 0) {
            return RpcError.UNKNOWN_MESSAGE_ID;
        }
        int open = beginning.indexOf('"', comma);
        int close = open < 0 ? -1 : beginning.indexOf('"', open + 1);
        if (open < 0 || close < 0 || close - open - 1 < 1 || close - open - 1 > 36
                || !beginning.substring(comma + 1, open).isBlank()) {
            return RpcError.UNKNOWN_MESSAGE_ID;
        }
        String id = beginning.substring(open + 1, close);
        return id.indexOf('\\') >= 0 ? RpcError.UNKNOWN_MESSAGE_ID : id;
    }

    private void answer(Inbound.Call call, String text) {
        Object answer;
        try {
            answer = handler.handle(call.request(), FramePayload.ofCall(text));
        } catch (RuntimeException e) {
            events.handlerFailed(call.request(), e);
            answer = RpcError.of(call.messageId(), RpcErrorCode.INTERNAL_ERROR,
                    "could not process it: " + e.getClass().getSimpleName());
        }
        if (answer instanceof CompletionStage<?> later) {
            later.whenComplete((value, failure) -> {
                Object settled = value;
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    RuntimeException problem = cause instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(cause);
                    events.handlerFailed(call.request(), problem);
                    settled = RpcError.of(call.messageId(), RpcErrorCode.INTERNAL_ERROR,
                            "could not process it: " + cause.getClass().getSimpleName());
                }
                send(call, settled);
            });
            return;
        }
        send(call, answer);
    }

    private void send(Inbound.Call call, Object answer) {
        String frame;
        if (answer instanceof Confirmation confirmation) {
            try {
                frame = codec.encodeConfirmation(call.messageId(), confirmation);
            } catch (IllegalArgumentException e) {
                events.handlerFailed(call.request(), e);
                frame = codec.encodeError(RpcError.of(call.messageId(), RpcErrorCode.INTERNAL_ERROR,
                        "could not encode the answer"));
            }
        } else if (answer instanceof RawConfirmation raw) {
            frame = "[3," + new JsonPrimitive(call.messageId()) + "," + raw.payloadJson() + "]";
        } else if (answer instanceof RpcError error) {
            frame = codec.encodeError(new RpcError(call.messageId(), error.code(), error.description(), error.detailsJson()));
        } else {
            frame = codec.encodeError(RpcError.of(call.messageId(), RpcErrorCode.INTERNAL_ERROR, "no answer"));
        }
        synchronized (this) {
            // free before the answer leaves: the peer may send its next CALL the moment it has it
            answering = null;
        }
        if (!closed) {
            transport.sendText(frame);
        }
        handler.afterAnswer(call.request());
    }

    /** Whether a CALL of the peer is still being answered. */
    public synchronized boolean answering() {
        return answering != null;
    }

    /**
     * Sends a CALL after the ones before it. The future completes with the peer's confirmation
     * or fails with {@link RpcCallException} (CALLERROR code, Offline, Timeout, QueueFull,
     * InvalidResponse) or {@link IllegalArgumentException} (the request breaks the schema).
     */
    public CompletableFuture<Confirmation> call(Request request) {
        CompletableFuture<Confirmation> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(new RpcCallException(RpcCallException.OFFLINE, "the connection is closed"));
            return result;
        }
        String messageId = messageIdPrefix + Long.toString(messageIds.incrementAndGet(), 36);
        String frame;
        try {
            frame = codec.encodeCall(new OutgoingCall(messageId, request));
        } catch (IllegalArgumentException e) {
            result.completeExceptionally(e);
            return result;
        }
        enqueue(new Outbound(messageId, request.action(), frame, result, null));
        return result;
    }

    /**
     * Sends a CALL whose payload is given as JSON text, exactly as it is (after the ones before
     * it): for a relay passing on what a third party sent, byte for byte. The payload is checked
     * like a received one first. The future completes with the peer's answer, decoded and as
     * text, or fails like {@link #call}'s.
     *
     * @throws IllegalArgumentException when our role does not send this action or the payload
     *         breaks its schema
     * @since 1.2
     */
    public CompletableFuture<RawResult> callRaw(Action action, String payloadJson) {
        codec.decodeRequestPayload(action, payloadJson);
        CompletableFuture<RawResult> raw = new CompletableFuture<>();
        if (closed) {
            raw.completeExceptionally(new RpcCallException(RpcCallException.OFFLINE, "the connection is closed"));
            return raw;
        }
        String messageId = messageIdPrefix + Long.toString(messageIds.incrementAndGet(), 36);
        String frame = "[2,\"" + messageId + "\",\"" + action.wireName() + "\"," + payloadJson.strip() + "]";
        enqueue(new Outbound(messageId, action, frame, new CompletableFuture<>(), raw));
        return raw;
    }

    private void enqueue(Outbound call) {
        boolean queued;
        synchronized (this) {
            queued = pending.enqueue(call);
        }
        if (!queued) {
            call.fail(new RpcCallException(RpcCallException.QUEUE_FULL, call.actionName() + ": too many CALLs waiting"));
            return;
        }
        sendNext();
    }

    private void sendNext() {
        Optional<Outbound> next;
        synchronized (this) {
            next = closed ? Optional.empty() : pending.takeNextToSend(clock.instant());
        }
        next.ifPresent(call -> transport.sendText(call.frame()));
    }

    private Optional<Outbound> finish(String messageId) {
        Optional<Outbound> done;
        synchronized (this) {
            done = pending.complete(messageId);
        }
        sendNext();
        return done;
    }

    private Optional<String> outstandingActionName(String messageId) {
        synchronized (this) {
            return pending.outstandingActionName(messageId);
        }
    }

    /** Fails the outstanding CALL if its response timeout has passed, and sends the next one. */
    public void expire() {
        Optional<Outbound> expired;
        synchronized (this) {
            expired = pending.expire(clock.instant());
        }
        expired.ifPresent(call -> {
            events.timedOut(call.actionName());
            call.fail(new RpcCallException(RpcCallException.TIMEOUT, call.actionName() + ": no answer in time"));
            sendNext();
        });
    }

    /** The connection ended: every CALL not yet answered fails with Offline. */
    public void close(String reason) {
        List<Outbound> failed;
        synchronized (this) {
            closed = true;
            answering = null;
            failed = pending.clear();
        }
        for (Outbound call : failed) {
            call.fail(new RpcCallException(RpcCallException.OFFLINE, call.actionName() + ": " + reason));
        }
    }

    public boolean closed() {
        return closed;
    }

    /** How many of our CALLs wait behind the outstanding one. */
    public synchronized int queuedCount() {
        return pending.queuedCount();
    }

    /** When the outstanding CALL times out, if one is outstanding. */
    public synchronized Optional<Instant> deadline() {
        return pending.deadline();
    }
}
