package org.chargingmanager.testkit;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits in tests for a condition that other threads fulfil (a simulator, a driver's poll thread), polling every
 * 10 ms, instead of sleeping a fixed time.
 */
public final class Await {

    /** The default patience: long enough for a loaded 2-core build machine. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Await() {
    }

    /** Waits up to {@link #DEFAULT_TIMEOUT}; fails with {@code what} in the message. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT_TIMEOUT, condition);
    }

    public static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }
}
