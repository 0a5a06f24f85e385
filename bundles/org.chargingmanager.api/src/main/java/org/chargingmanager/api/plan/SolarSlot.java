package org.chargingmanager.api.plan;

import java.time.Instant;

/**
 * The PV power forecast for one period.
 *
 * @param start inclusive
 * @param end exclusive, after {@code start}
 * @param powerWatts the mean PV production expected, at least 0
 */
public record SolarSlot(Instant start, Instant end, double powerWatts) {

    public SolarSlot {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a forecast slot ends after it starts: " + start + " .. " + end);
        }
        powerWatts = Double.isFinite(powerWatts) ? Math.max(0, powerWatts) : 0;
    }
}
