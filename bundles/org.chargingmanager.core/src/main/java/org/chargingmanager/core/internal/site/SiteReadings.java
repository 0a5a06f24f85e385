package org.chargingmanager.core.internal.site;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.core.internal.allocation.EvseDemand;

/**
 * What the load manager read in one cycle, before the {@link SiteModel} combines it. Every
 * current is per grid phase (phase rotation applied).
 *
 * @param now the time of this cycle
 * @param houseLimitAmps the fuse per phase from the settings; {@link Double#NaN} when it cannot be
 *        computed now, {@link Double#POSITIVE_INFINITY} for no limit
 * @param powerLimitWatts the same for the power of the whole connection
 * @param fallbackMilliamps what all charging points together may draw per phase when the grid data
 *        cannot be trusted (the installer's safe budget)
 * @param grid the grid meter readings, or {@code null} when a grid meter is missing or silent
 * @param producerAllowance the most that producers behind the grid meter (PV, a battery) can feed in
 *        per phase now: the grid reading may be lower than the charging points draw by this much
 * @param answering what the charging points that answer report they draw
 * @param staleReserve what the charging points that do not answer may still draw
 * @param volts the voltage used to turn currents into power
 * @param demands the charging points
 */
public record SiteReadings(Instant now, double houseLimitAmps, double powerLimitWatts, int fallbackMilliamps,
        GridReading grid, PhaseCurrents producerAllowance, EvseLoad answering, EvseLoad staleReserve, double volts,
        List<EvseDemand> demands) {

    public SiteReadings {
        producerAllowance = producerAllowance == null ? PhaseCurrents.ZERO : producerAllowance;
        answering = answering == null ? EvseLoad.NONE : answering;
        staleReserve = staleReserve == null ? EvseLoad.NONE : staleReserve;
        demands = List.copyOf(demands);
    }

    /**
     * The grid meters together.
     *
     * @param measuredAt when the oldest of them measured
     */
    public record GridReading(PhaseCurrents currents, double powerWatts, Instant measuredAt) {
    }

    /**
     * Charging points together.
     *
     * @param newestMeasurement when the most recent of their values was measured, or {@code null}
     */
    public record EvseLoad(PhaseCurrents currents, double powerWatts, Instant newestMeasurement) {

        public static final EvseLoad NONE = new EvseLoad(PhaseCurrents.ZERO, 0, null);

        public EvseLoad plus(PhaseCurrents moreCurrents, double morePowerWatts, Instant measuredAt) {
            Instant newest = newestMeasurement == null || (measuredAt != null && measuredAt.isAfter(newestMeasurement))
                    ? measuredAt : newestMeasurement;
            return new EvseLoad(currents.plus(moreCurrents), powerWatts + morePowerWatts, newest);
        }
    }
}
