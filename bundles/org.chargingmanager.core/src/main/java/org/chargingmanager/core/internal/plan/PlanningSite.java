package org.chargingmanager.core.internal.plan;

import org.chargingmanager.api.device.PhaseCurrents;

/**
 * The house connection as the planner assumes it for the whole horizon: today's limits and the
 * house's own load as measured now (never below 0: PV production now says nothing about tonight).
 *
 * @param houseLimit the current each grid phase may carry, {@link Integer#MAX_VALUE} for none
 * @param powerLimitWatts the power the connection may draw in total, or {@link Double#POSITIVE_INFINITY}
 * @param baseLoad the house's own current per phase (without the charging points)
 * @param basePowerWatts the house's own power
 * @param volts to turn current into power
 * @param unbalancedLoadLimitMilliamps the largest difference between the phases in what the charging
 *        points draw together, {@link Integer#MAX_VALUE} for none
 */
public record PlanningSite(PhaseCurrents houseLimit, double powerLimitWatts, PhaseCurrents baseLoad, double basePowerWatts,
        double volts, int unbalancedLoadLimitMilliamps) {

    public PlanningSite {
        baseLoad = new PhaseCurrents(Math.max(0, baseLoad.l1Milliamps()), Math.max(0, baseLoad.l2Milliamps()),
                Math.max(0, baseLoad.l3Milliamps()));
        basePowerWatts = Double.isFinite(basePowerWatts) ? Math.max(0, basePowerWatts) : 0;
        powerLimitWatts = Double.isNaN(powerLimitWatts) ? 0 : powerLimitWatts;
    }
}
