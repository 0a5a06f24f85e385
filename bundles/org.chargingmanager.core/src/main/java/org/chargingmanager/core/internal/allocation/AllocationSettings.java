package org.chargingmanager.core.internal.allocation;

import java.time.Duration;

/**
 * Hysteresis against switching a car on and off too often.
 *
 * @param minimumPause a paused charging point is not started again before this time
 * @param minimumChargeTime a charging point that started less than this ago keeps its minimum
 *        before others of the same priority, as long as the limits allow
 */
public record AllocationSettings(Duration minimumPause, Duration minimumChargeTime) {

    public static final AllocationSettings NONE = new AllocationSettings(Duration.ZERO, Duration.ZERO);
}
