package org.chargingmanager.ocpp.server.internal;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Spreads the server's own connect-time CALLs (GetConfiguration, ChangeConfiguration,
 * TriggerMessage, SetChargingProfile): at most {@code maxRunning} charge points are being set up
 * at a time, the others wait in arrival order. After a restart thousands of chargers boot within
 * seconds; their BootNotifications are answered at once, their set-ups follow without piling
 * up. While boots arrive faster than {@link #STORM_BOOTS_PER_SECOND} a second (a reconnect
 * storm) only {@link #STORM_MAX_RUNNING} set-ups run, so the CPU goes to answering boots first;
 * the rest start when the storm is over ({@link #resume}, from the server's one-second timer).
 * Thread-safe.
 */
final class SetupPacer {

    /** Charge points set up at the same time by default. */
    static final int DEFAULT_MAX_RUNNING = 64;
    /** Boots per second from which the server counts a reconnect storm. */
    static final int STORM_BOOTS_PER_SECOND = 50;
    /** Set-ups running at the same time during a storm. */
    static final int STORM_MAX_RUNNING = 8;
    private static final long SECOND_NANOS = 1_000_000_000L;

    private final int maxRunning;
    private final Executor executor;
    private final LongSupplier nanoClock;
    private final Queue<Supplier<? extends CompletionStage<?>>> waiting = new ArrayDeque<>();
    private int running;
    private long windowStartNanos;
    private int bootsInWindow;
    private int bootsInPreviousWindow;

    /** @param executor where a waiting set-up starts when another one ends (not on the thread that ended it) */
    SetupPacer(int maxRunning, Executor executor) {
        this(maxRunning, executor, System::nanoTime);
    }

    SetupPacer(int maxRunning, Executor executor, LongSupplier nanoClock) {
        if (maxRunning < 1) {
            throw new IllegalArgumentException("maxRunning must be at least 1");
        }
        this.maxRunning = maxRunning;
        this.executor = executor;
        this.nanoClock = nanoClock;
        this.windowStartNanos = nanoClock.getAsLong();
    }

    /** A BootNotification was answered: counts towards telling a reconnect storm. */
    synchronized void bootArrived() {
        roll(nanoClock.getAsLong());
        bootsInWindow++;
    }

    /** Starts the set-up now if fewer than the maximum run, else when its turn comes. */
    void submit(Supplier<? extends CompletionStage<?>> setup) {
        synchronized (this) {
            if (running >= limit()) {
                waiting.add(setup);
                return;
            }
            running++;
        }
        start(setup);
    }

    /** Starts waiting set-ups up to the limit, e.g. when a storm has passed. */
    void resume() {
        while (true) {
            Supplier<? extends CompletionStage<?>> next;
            synchronized (this) {
                if (running >= limit() || waiting.isEmpty()) {
                    return;
                }
                next = waiting.poll();
                running++;
            }
            executor.execute(() -> start(next));
        }
    }

    /** How many set-ups may run now: fewer while boots stream in. Caller holds the lock. */
    private int limit() {
        roll(nanoClock.getAsLong());
        boolean storm = Math.max(bootsInWindow, bootsInPreviousWindow) >= STORM_BOOTS_PER_SECOND;
        return storm ? Math.min(maxRunning, STORM_MAX_RUNNING) : maxRunning;
    }

    private void roll(long now) {
        long elapsed = now - windowStartNanos;
        if (elapsed >= SECOND_NANOS) {
            bootsInPreviousWindow = elapsed >= 2 * SECOND_NANOS ? 0 : bootsInWindow;
            bootsInWindow = 0;
            windowStartNanos = now - elapsed % SECOND_NANOS;
        }
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
            next = running > limit() ? null : waiting.poll();
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
