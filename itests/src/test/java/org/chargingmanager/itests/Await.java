package org.chargingmanager.itests;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for a condition that the framework fulfils asynchronously (DS, ConfigAdmin, FileInstall). */
final class Await {

    private Await() {
    }

    static void until(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    static <T> T value(String what, Duration timeout, Supplier<T> supplier) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value;
        while ((value = supplier.get()) == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
            }
            Thread.sleep(50);
        }
        return value;
    }
}
