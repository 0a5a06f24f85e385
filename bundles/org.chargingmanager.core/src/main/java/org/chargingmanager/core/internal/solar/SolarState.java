package org.chargingmanager.core.internal.solar;

import java.time.Instant;

/**
 * The start/stop hysteresis of one "PV only" charging point between cycles.
 *
 * @param charging whether it was allowed to charge in the last cycle
 * @param changePendingSince since when the surplus has said otherwise (enough to start while not
 *        charging, too little while charging), or {@code null}
 */
public record SolarState(boolean charging, Instant changePendingSince) {

    public static final SolarState IDLE = new SolarState(false, null);
}
