package org.chargingmanager.core.internal.loadmanager;

import java.time.Duration;
import java.time.Instant;

/**
 * The phases a charging point that can switch between 1 and 3 phases was put on, and when.
 *
 * @param phases 1 or 3
 * @param switchedAt when the load manager last switched it, or {@code null} if it never did
 */
record PhaseSwitch(int phases, Instant switchedAt) {

    static final PhaseSwitch THREE_PHASES = new PhaseSwitch(3, null);

    /** Whether another switch is allowed now. */
    boolean mayChange(Instant now, Duration minimumInterval) {
        return switchedAt == null || !now.isBefore(switchedAt.plus(minimumInterval));
    }
}
