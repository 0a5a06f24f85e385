package org.chargingmanager.api.evse;

import org.chargingmanager.api.meter.Meter;

/** Why a charging point's limit is what it is. Shown to the user next to the limit. */
public enum LimitReason {
    /** The load manager has not yet computed a limit; nothing may be charged. */
    NOT_ALLOCATED,
    /** The car or the charging point's maximum current limits, not the site. */
    EVSE_MAXIMUM,
    /** The house connection's limit (fuse, {@code AVAIL} curtailment) is shared out. */
    HOUSE_LIMIT,
    /** A charging rule (time, tariff, variable condition) limits. */
    RULE,
    /** The user's settings limit. */
    USER,
    /** Meter or charging point data is stale or missing: a safe fallback is applied. */
    FALLBACK,
    /** Paused to avoid switching on and off too often. */
    HYSTERESIS,
    /** The charging point is disabled by the operator. */
    DISABLED,
    /**
     * The charging point follows the PV surplus (charging mode "PV only" or "minimum + PV"): it
     * gets what the house would otherwise feed into the grid.
     * @since 1.1
     */
    SOLAR
}
