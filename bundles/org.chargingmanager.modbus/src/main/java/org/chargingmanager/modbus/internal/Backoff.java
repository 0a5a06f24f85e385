package org.chargingmanager.modbus.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * When to try connecting again: after a failed connect the line waits {@code initial}, doubling with every
 * further failure up to {@code max}; a success resets it. Pure apart from its own state (the caller passes the
 * time).
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration current = Duration.ZERO;
    private Instant notBefore = Instant.MIN;

    Backoff(Duration initial, Duration max) {
        if (initial.isNegative() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("back-off " + initial + ".." + max);
        }
        this.initial = initial;
        this.max = max;
    }

    boolean mayTry(Instant now) {
        return !now.isBefore(notBefore);
    }

    Instant notBefore() {
        return notBefore;
    }

    void failed(Instant now) {
        current = current.isZero() ? initial : min(current.multipliedBy(2), max);
        notBefore = now.plus(current);
    }

    void succeeded() {
        current = Duration.ZERO;
        notBefore = Instant.MIN;
    }

    Duration currentDelay() {
        return current;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
