package org.chargingmanager.ocpp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The CALLs one side of a connection has sent or wants to send: at most one outstanding CALL
 * (OCPP-J allows no more), a bounded queue behind it, and a response timeout.
 *
 * <p>A pure state machine: it never sends, never starts a timer and never reads the clock;
 * the caller passes the time in and acts on what the methods return. Typical use by a
 * session, always under the session's own lock (this class is not thread-safe):
 * <pre>{@code
 * pending.enqueue(call);                                  // false: queue full, refuse the call
 * pending.takeNextToSend(now).ifPresent(transport::send); // after enqueue, complete and expire
 * pending.complete(messageId)                             // a CALLRESULT or CALLERROR came in
 * pending.expire(now)                                     // on a timer at pending.deadline()
 * pending.clear()                                         // connection closed: fail them all
 * }</pre>
 *
 * @param <C> the caller's call type, e.g. a record with the request and a future to complete
 */
public final class PendingCalls<C extends RpcCall> {

    private final Duration responseTimeout;
    private final int queueCapacity;
    private final Deque<C> queue = new ArrayDeque<>();
    private C outstanding;
    private Instant outstandingDeadline;

    /**
     * @param responseTimeout how long the peer has to answer a CALL
     * @param queueCapacity how many CALLs may wait behind the outstanding one
     */
    public PendingCalls(Duration responseTimeout, int queueCapacity) {
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            throw new IllegalArgumentException("responseTimeout must be positive: " + responseTimeout);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must not be negative: " + queueCapacity);
        }
        this.responseTimeout = responseTimeout;
        this.queueCapacity = queueCapacity;
    }

    /**
     * Puts a call at the end of the queue.
     *
     * @return false when the queue is full (back-pressure: the call was not taken), or when a
     *         call with the same message id is already outstanding or queued
     */
    public boolean enqueue(C call) {
        Objects.requireNonNull(call, "call");
        if (queue.size() >= queueCapacity || isKnown(call.messageId())) {
            return false;
        }
        queue.addLast(call);
        return true;
    }

    /**
     * The call to send now: the head of the queue, if no call is outstanding. It becomes the
     * outstanding call, due at {@code now + responseTimeout}.
     */
    public Optional<C> takeNextToSend(Instant now) {
        if (outstanding != null || queue.isEmpty()) {
            return Optional.empty();
        }
        outstanding = queue.removeFirst();
        outstandingDeadline = now.plus(responseTimeout);
        return Optional.of(outstanding);
    }

    /**
     * Ends the outstanding call because its answer arrived.
     *
     * @return the call, or empty when no outstanding call has this id (a late or unknown answer)
     */
    public Optional<C> complete(String messageId) {
        if (outstanding == null || !outstanding.messageId().equals(messageId)) {
            return Optional.empty();
        }
        return Optional.of(clearOutstanding());
    }

    /** Ends the outstanding call if its deadline is at or before {@code now}, and returns it. */
    public Optional<C> expire(Instant now) {
        if (outstanding == null || now.isBefore(outstandingDeadline)) {
            return Optional.empty();
        }
        return Optional.of(clearOutstanding());
    }

    /** The action name of the outstanding call if it has this id: what a CALLRESULT must be decoded as. */
    public Optional<String> outstandingActionName(String messageId) {
        if (outstanding == null || !outstanding.messageId().equals(messageId)) {
            return Optional.empty();
        }
        return Optional.of(outstanding.actionName());
    }

    public Optional<C> outstanding() {
        return Optional.ofNullable(outstanding);
    }

    /** When the outstanding call times out; empty when none is outstanding. */
    public Optional<Instant> deadline() {
        return Optional.ofNullable(outstandingDeadline);
    }

    public int queuedCount() {
        return queue.size();
    }

    /** Removes every call, the outstanding one first, then the queue in order; e.g. on disconnect. */
    public List<C> clear() {
        List<C> removed = new ArrayList<>(queue.size() + 1);
        if (outstanding != null) {
            removed.add(clearOutstanding());
        }
        removed.addAll(queue);
        queue.clear();
        return removed;
    }

    private boolean isKnown(String messageId) {
        if (outstanding != null && outstanding.messageId().equals(messageId)) {
            return true;
        }
        return queue.stream().anyMatch(queued -> queued.messageId().equals(messageId));
    }

    private C clearOutstanding() {
        C call = outstanding;
        outstanding = null;
        outstandingDeadline = null;
        return call;
    }
}
