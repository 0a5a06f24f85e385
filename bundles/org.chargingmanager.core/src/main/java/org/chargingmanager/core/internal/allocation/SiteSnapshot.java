package org.chargingmanager.core.internal.allocation;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.device.PhaseCurrents;

/**
 * Everything the allocation needs, at one instant.
 *
 * @param now the time of this cycle
 * @param houseLimit the current each grid phase may carry (fuse, curtailment); use
 *        {@link Integer#MAX_VALUE} for no limit
 * @param powerLimitWatts the power the house connection may draw in total, or
 *        {@link Double#POSITIVE_INFINITY}
 * @param baseLoad the current on each phase that is not an allocated charging point: measured
 *        grid current minus the charging points' current, plus reserves for charging points that
 *        do not answer; negative when PV feeds in
 * @param basePowerWatts the same as power
 * @param volts the voltage used to turn currents into power (at least the nominal 230 V)
 * @param fallback whether the grid data is missing and a safe fallback budget is in force
 * @param demands the charging points
 */
public record SiteSnapshot(Instant now, PhaseCurrents houseLimit, double powerLimitWatts, PhaseCurrents baseLoad,
        double basePowerWatts, double volts, boolean fallback, List<EvseDemand> demands) {

    public SiteSnapshot {
        demands = List.copyOf(demands);
    }
}
