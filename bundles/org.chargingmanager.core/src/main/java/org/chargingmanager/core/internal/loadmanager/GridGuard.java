package org.chargingmanager.core.internal.loadmanager;

/**
 * Between two full cycles, decides from the grid readings alone (a few meters, no charging
 * points) whether limits must come down at once: the grid meter stopped answering, or the
 * measured current or power is above the house connection's limit by more than it was at the
 * last full cycle. An overload that the last cycle already saw and could not remove (nothing
 * left to reduce) does not start a cycle on every tick. Not thread-safe: the load manager's one
 * thread uses it.
 */
final class GridGuard {

    /** An overload this much worse than at the last cycle starts one. */
    static final int WORSE_BY_MILLIAMPS = 500;
    static final double WORSE_BY_WATTS = 115;

    /** What the grid looked like: the excess over the limits (negative: headroom) and whether it answered. */
    record Reading(boolean fresh, int excessMilliamps, double excessWatts) {
        /** No grid meter, or no limit: nothing to guard. */
        static final Reading NONE = new Reading(true, Integer.MIN_VALUE, Double.NEGATIVE_INFINITY);
    }

    private Reading atLastCycle = Reading.NONE;

    /** The reading the last full cycle acted on. */
    void cycled(Reading reading) {
        atLastCycle = reading;
    }

    /** Whether a full cycle must run now, before its time. */
    boolean reductionNeeded(Reading now) {
        if (!now.fresh()) {
            return atLastCycle.fresh();
        }
        boolean currentOver = now.excessMilliamps() > 0
                && (long) now.excessMilliamps() > (long) Math.max(0, atLastCycle.excessMilliamps()) + WORSE_BY_MILLIAMPS;
        boolean powerOver = now.excessWatts() > 0
                && now.excessWatts() > Math.max(0, atLastCycle.excessWatts()) + WORSE_BY_WATTS;
        return currentOver || powerOver;
    }
}
