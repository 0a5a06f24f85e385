package org.chargingmanager.api;

import java.util.Objects;

/**
 * The current a charging point may draw on each of its phases, and why.
 *
 * @param currentMilliamps the maximum current per phase; 0 pauses charging
 * @param reason the main reason for this value
 * @param detail a human readable detail, for example the name of the rule; may be empty
 */
public record ChargingLimit(int currentMilliamps, LimitReason reason, String detail) {

    public ChargingLimit {
        if (currentMilliamps < 0) {
            throw new IllegalArgumentException("currentMilliamps must not be negative: " + currentMilliamps);
        }
        Objects.requireNonNull(reason, "reason");
        detail = detail == null ? "" : detail;
    }

    /** The limit every charging point has until the load manager has allocated: no charging. */
    public static final ChargingLimit NOT_ALLOCATED = new ChargingLimit(0, LimitReason.NOT_ALLOCATED, "");

    public boolean paused() {
        return currentMilliamps == 0;
    }
}
