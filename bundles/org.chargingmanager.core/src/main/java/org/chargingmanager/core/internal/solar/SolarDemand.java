package org.chargingmanager.core.internal.solar;

import org.chargingmanager.api.evse.ChargingMode;

/**
 * One charging point in a solar mode, as the surplus sharing sees it.
 *
 * @param id the charging point
 * @param mode {@link ChargingMode#MIN_PV} or {@link ChargingMode#PV_ONLY}
 * @param priority a higher number gets the surplus first
 * @param phases the phases the car draws on now (1 to 3)
 * @param minMilliamps the smallest current the car charges with
 * @param maxMilliamps the most it may get (settings, rules, the car)
 * @param drawnWatts what it draws now; part of the surplus, since it would be fed in without it
 * @param mayChoosePhases whether the sharing may put it on 1 or 3 phases this cycle (a charging
 *        point that can switch, and whose last switch is long enough ago)
 */
public record SolarDemand(String id, ChargingMode mode, int priority, int phases, int minMilliamps, int maxMilliamps,
        double drawnWatts, boolean mayChoosePhases) {

    /** A demand on fixed phases. */
    public SolarDemand(String id, ChargingMode mode, int priority, int phases, int minMilliamps, int maxMilliamps,
            double drawnWatts) {
        this(id, mode, priority, phases, minMilliamps, maxMilliamps, drawnWatts, false);
    }

    /** The fewest phases it may charge on this cycle. */
    int fewestPhases() {
        return mayChoosePhases ? 1 : phases;
    }
}
