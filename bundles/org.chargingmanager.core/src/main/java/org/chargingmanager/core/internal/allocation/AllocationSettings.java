package org.chargingmanager.core.internal.allocation;

import java.time.Duration;

/**
 * How the allocation shares: hysteresis against switching a car on and off too often, and the
 * unbalanced-load limit.
 *
 * @param minimumPause a paused charging point is not started again before this time
 * @param minimumChargeTime a charging point that started less than this ago keeps its minimum
 *        before others of the same priority, as long as the limits allow
 * @param unbalancedLoadLimitMilliamps the largest difference allowed between the phases in the
 *        sum of the charging points' currents (in Germany 4.6 kVA, i.e. 20 A, for charging
 *        equipment); {@link #NO_UNBALANCED_LOAD_LIMIT} for none
 */
public record AllocationSettings(Duration minimumPause, Duration minimumChargeTime, int unbalancedLoadLimitMilliamps) {

    public static final int NO_UNBALANCED_LOAD_LIMIT = Integer.MAX_VALUE;

    public static final AllocationSettings NONE = new AllocationSettings(Duration.ZERO, Duration.ZERO,
            NO_UNBALANCED_LOAD_LIMIT);

    public AllocationSettings {
        if (unbalancedLoadLimitMilliamps < 0) {
            throw new IllegalArgumentException("the unbalanced-load limit cannot be negative");
        }
    }

    /** Without an unbalanced-load limit. */
    public AllocationSettings(Duration minimumPause, Duration minimumChargeTime) {
        this(minimumPause, minimumChargeTime, NO_UNBALANCED_LOAD_LIMIT);
    }

    public boolean limitsUnbalancedLoad() {
        return unbalancedLoadLimitMilliamps != NO_UNBALANCED_LOAD_LIMIT;
    }
}
