package org.chargingmanager.api.evse;

import java.util.Objects;

/**
 * The current a charging point may draw on each of its phases, and why.
 *
 * @param currentMilliamps the maximum current per phase; 0 pauses charging
 * @param reason the main reason for this value
 * @param detail a human readable detail, for example the name of the rule; may be empty
 * @param phases how many phases the charging point should use: 1 or 3 for one that can switch
 *        ({@link EvseCapabilities#phaseSwitching()}), 0 to leave them as they are
 */
public record ChargingLimit(int currentMilliamps, LimitReason reason, String detail, int phases) {

    /** A limit that leaves the phases as they are. */
    public ChargingLimit(int currentMilliamps, LimitReason reason, String detail) {
        this(currentMilliamps, reason, detail, 0);
    }

    public ChargingLimit {
        if (currentMilliamps < 0) {
            throw new IllegalArgumentException("currentMilliamps must not be negative: " + currentMilliamps);
        }
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
        if (phases != 0 && phases != 1 && phases != 3) {
            throw new IllegalArgumentException("phases must be 0, 1 or 3, not " + phases);
        }
    }

    /** The same limit on 1 or 3 phases (0: as they are). */
    public ChargingLimit withPhases(int newPhases) {
        return new ChargingLimit(currentMilliamps, reason, detail, newPhases);
    }

    /** The limit every charging point has until the load manager has allocated: no charging. */
    public static final ChargingLimit NOT_ALLOCATED = new ChargingLimit(0, LimitReason.NOT_ALLOCATED, "");

    public boolean paused() {
        return currentMilliamps == 0;
    }
}
