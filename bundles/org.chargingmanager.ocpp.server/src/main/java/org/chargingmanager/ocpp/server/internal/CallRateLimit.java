package org.chargingmanager.ocpp.server.internal;

/**
 * How many CALLs one charge point may send: a token bucket of {@code burst} CALLs refilled at
 * {@code perSecond}. A charger emptying its offline queue after a reconnect stays within the
 * burst; one that floods is refused (the connection answers GenericError) and, once
 * {@code closeAfterRefused} CALLs were refused before it calmed down (its bucket full again),
 * disconnected. Time comes in as nanoseconds
 * from the caller (e.g. {@link System#nanoTime()}), so tests set it. Not thread-safe: one
 * connection's frames arrive one at a time.
 */
final class CallRateLimit {

    /** Sustained CALLs per second a charge point may send. */
    static final double DEFAULT_PER_SECOND = 20;
    /** CALLs a charge point may send at once (a reconnect with queued transactions and meter values). */
    static final int DEFAULT_BURST = 200;
    /** Refusals (before the charge point calms down) after which it is disconnected. */
    static final int DEFAULT_CLOSE_AFTER_REFUSED = 1000;

    /** What to do with one CALL. */
    enum Verdict {
        ANSWER, REFUSE, DISCONNECT
    }

    private final double perSecond;
    private final int burst;
    private final int closeAfterRefused;
    private double tokens;
    private long lastNanos;
    private int refusedSinceCalm;

    CallRateLimit(double perSecond, int burst, int closeAfterRefused, long nowNanos) {
        if (perSecond <= 0 || burst < 1 || closeAfterRefused < 1) {
            throw new IllegalArgumentException("rate, burst and refusals must be positive");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.closeAfterRefused = closeAfterRefused;
        this.tokens = burst;
        this.lastNanos = nowNanos;
    }

    static CallRateLimit defaults(long nowNanos) {
        return new CallRateLimit(DEFAULT_PER_SECOND, DEFAULT_BURST, DEFAULT_CLOSE_AFTER_REFUSED, nowNanos);
    }

    /** One CALL arrived at {@code nowNanos}. */
    Verdict onCall(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed > 0) {
            tokens = Math.min(burst, tokens + elapsed * perSecond / 1e9);
            lastNanos = nowNanos;
        }
        if (tokens >= burst) {
            refusedSinceCalm = 0; // quiet for a whole burst's refill: a new start
        }
        if (tokens >= 1) {
            tokens -= 1;
            return Verdict.ANSWER;
        }
        refusedSinceCalm++;
        return refusedSinceCalm >= closeAfterRefused ? Verdict.DISCONNECT : Verdict.REFUSE;
    }

    /** CALLs refused since the charge point was last calm (1: this flood has just begun). */
    int refusedSinceCalm() {
        return refusedSinceCalm;
    }

    double perSecond() {
        return perSecond;
    }
}
