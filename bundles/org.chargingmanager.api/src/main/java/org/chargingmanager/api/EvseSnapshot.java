package org.chargingmanager.api;

import java.time.Instant;

/**
 * What a charging point reported most recently.
 *
 * @param evseId the {@link EvseInfo#id()}
 * @param timestamp when these values were measured; the load manager does not trust old ones
 * @param state the charging state
 * @param phasesInUse how many phases the car currently draws on (0 when it draws nothing)
 * @param currents the current on the charging point's phases 1..3 (not yet mapped to grid phases)
 * @param powerWatts active power drawn, all phases together
 * @param energyWattHours the meter's energy register (total imported energy)
 * @param idTag the RFID or PIN of the current session, or {@code null}
 * @param appliedLimit the limit the charging point works with now
 */
public record EvseSnapshot(String evseId, Instant timestamp, EvseState state, int phasesInUse,
        PhaseCurrents currents, double powerWatts, double energyWattHours, String idTag,
        ChargingLimit appliedLimit) {

    public EvseSnapshot {
        currents = currents == null ? PhaseCurrents.ZERO : currents;
        appliedLimit = appliedLimit == null ? ChargingLimit.NOT_ALLOCATED : appliedLimit;
    }
}
