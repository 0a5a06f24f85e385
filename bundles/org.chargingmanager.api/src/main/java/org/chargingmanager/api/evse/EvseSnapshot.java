package org.chargingmanager.api.evse;

import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.Staleness;

/**
 * What a charging point reported most recently.
 *
 * <p>Two times, because they differ: {@code measuredAt} is when the values were measured (by the
 * charger's clock, or when a queued reading was taken), {@code seenAt} when the driver last heard
 * from the charging point (the server's clock). Whether a charging point answers is decided on
 * {@code seenAt} ({@link #stale(Instant)}); {@code measuredAt} only says how old the values are, so
 * a charger whose clock lags, or that replays queued readings, is not taken as silent.
 *
 * @param evseId the {@link EvseInfo#id()}
 * @param measuredAt when these values were measured
 * @param state the charging state
 * @param phasesInUse how many phases the car currently draws on (0 when it draws nothing)
 * @param currents the current on the charging point's phases 1..3 (not yet mapped to grid phases)
 * @param powerWatts active power drawn, all phases together
 * @param energyWattHours the meter's energy register (total imported energy)
 * @param idTag the RFID or PIN of the current session, or {@code null}
 * @param appliedLimit the limit the charging point works with now
 * @param seenAt when the driver last heard from the charging point; {@code null} for never
 */
public record EvseSnapshot(String evseId, Instant measuredAt, EvseState state, int phasesInUse,
        PhaseCurrents currents, double powerWatts, double energyWattHours, String idTag,
        ChargingLimit appliedLimit, Instant seenAt) {

    /** Values measured when they were seen (a driver that polls its device). */
    public EvseSnapshot(String evseId, Instant measuredAt, EvseState state, int phasesInUse, PhaseCurrents currents,
            double powerWatts, double energyWattHours, String idTag, ChargingLimit appliedLimit) {
        this(evseId, measuredAt, state, phasesInUse, currents, powerWatts, energyWattHours, idTag, appliedLimit,
                measuredAt);
    }

    public EvseSnapshot {
        currents = currents == null ? PhaseCurrents.ZERO : currents;
        appliedLimit = appliedLimit == null ? ChargingLimit.NOT_ALLOCATED : appliedLimit;
    }

    /** Whether the charging point is offline or has not been heard from for {@link Staleness#STALE_AFTER}. */
    public boolean stale(Instant now) {
        return state == EvseState.OFFLINE || Staleness.stale(seenAt, now);
    }

    /** The same values, heard from again at {@code now}. */
    public EvseSnapshot seen(Instant now) {
        return new EvseSnapshot(evseId, measuredAt, state, phasesInUse, currents, powerWatts, energyWattHours, idTag,
                appliedLimit, now);
    }
}
