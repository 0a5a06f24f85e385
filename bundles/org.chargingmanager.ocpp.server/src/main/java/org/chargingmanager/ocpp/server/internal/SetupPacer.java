package org.chargingmanager.ocpp.server.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Spreads the server's own connect-time CALLs (GetConfiguration, ChangeConfiguration,
 * TriggerMessage, SetChargingProfile): at most {@code maxRunning} charge points are being set up
 * at a time, the others wait in arrival order. After a restart thousands of chargers boot within
 * seconds; their BootNotifications are answered at once, their set-ups follow without piling
 * up. Thread-safe.
 */
final class SetupPacer {

    /** Charge points set up at the same time by default. */
    static final int DEFAULT_MAX_RUNNING = 64;

    private final int maxRunning;
    private final Executor executor;
    private final Queue<Supplier<? extends CompletionStage<?>>> waiting = new ArrayDeque<>();
    private int running;

    /** @param executor where a waiting set-up starts when another one ends (not on the thread that ended it) */
    SetupPacer(int maxRunning, Executor executor) {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("maxRunning must be at least 1");
        }
        this.maxRunning = maxRunning;
        this.executor = executor;
    }

    /** Starts the set-up now if fewer than the maximum run, else when its turn comes. */
    void submit(Supplier<? extends CompletionStage<?>> setup) {
        synchronized (this) {
            if (running >= maxRunning) {
                waiting.add(setup);
                return;
            }
            running++;
        }
        start(setup);
    }

    private void start(Supplier<? extends CompletionStage<?>> setup) {
        CompletionStage<?> done;
        try {
            done = setup.get();
        } catch (RuntimeException e) {
            finished();
            throw e;
        }
        done.whenComplete((ignored, failure) -> finished());
    }

    private void finished() {
        Supplier<? extends CompletionStage<?>> next;
        synchronized (this) {
            next = waiting.poll();
            if (next == null) {
                running--;
                return;
            }
        }
        executor.execute(() -> start(next));
    }

    synchronized int running() {
        return running;
    }

    synchronized int waiting() {
        return waiting.size();
    }
}
