package org.chargingmanager.core.internal.solar;

import java.time.Duration;

/**
 * @param startDelay a "PV only" car starts after the surplus has covered its minimum this long
 * @param stopDelay and stops after the surplus has been short of its minimum this long (it
 *        charges with its minimum meanwhile, drawing the difference from the grid)
 * @param importToleranceWatts grid import accepted on top of the surplus, for meters and cars
 *        that do not settle exactly on zero
 * @param volts to turn power into current
 */
public record SolarSettings(Duration startDelay, Duration stopDelay, double importToleranceWatts, double volts) {
}
