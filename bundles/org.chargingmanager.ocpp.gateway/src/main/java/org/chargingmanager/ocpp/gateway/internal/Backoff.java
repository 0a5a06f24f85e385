package org.chargingmanager.ocpp.gateway.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: exponential from 5 s to 5 min with jitter, so a backend that comes back is
 * not hit by every charge point in the same second. Pure: the random source is passed in.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofSeconds(5);
    static final Duration MAX = Duration.ofMinutes(5);

    private final DoubleSupplier random;
    private int failures;

    /** @param random values in [0, 1) */
    Backoff(DoubleSupplier random) {
        this.random = random;
    }

    /** The delay before the next attempt after one more failure: 5 s·2ⁿ (at most 5 min), minus up to a quarter. */
    Duration nextDelay() {
        long base = FIRST.toMillis() << Math.min(failures, 10);
        base = Math.min(base, MAX.toMillis());
        failures++;
        long jitter = (long) (base * 0.25 * random.getAsDouble());
        return Duration.ofMillis(Math.max(FIRST.toMillis() * 3 / 4, base - jitter));
    }

    void reset() {
        failures = 0;
    }

    int failures() {
        return failures;
    }
}
