package org.chargingmanager.core.internal.loadmanager;

/**
 * How often the full load-management cycle runs, so that it stays bounded with tens of thousands
 * of charging points: every configured cycle, unless the last cycle took longer than
 * {@link #MAX_BUSY_PERCENT} % of that; then the next one starts later, so cycles use at most that
 * share of one core. Reductions do not wait for it: a changed variable and a worse grid
 * reading ({@link GridGuard}) start a cycle at once.
 */
final class CyclePacer {

    /** The most of one core the periodic cycles may use. */
    static final int MAX_BUSY_PERCENT = 10;

    private CyclePacer() {
    }

    /**
     * @param cycleMillis the configured cycle
     * @param lastCycleNanos how long the last cycle took
     * @return nanoseconds from the start of the last cycle to the start of the next periodic one
     */
    static long intervalNanos(int cycleMillis, long lastCycleNanos) {
        long configured = Math.max(1, cycleMillis) * 1_000_000L;
        long bounded = Math.max(0, lastCycleNanos) / MAX_BUSY_PERCENT * 100;
        return Math.max(configured, bounded);
    }
}
