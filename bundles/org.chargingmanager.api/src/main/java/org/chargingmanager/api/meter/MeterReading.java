package org.chargingmanager.api.meter;

import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseVoltages;

/**
 * What a meter measured most recently. Signs follow the meter's {@link MeterRole}.
 *
 * @param timestamp when the values were measured
 * @param powerWatts active power, all phases together
 * @param powers active power per grid phase
 * @param currents current per grid phase
 * @param voltages voltage per grid phase
 * @param energyImportWattHours the import register
 * @param energyExportWattHours the export register
 */
public record MeterReading(Instant timestamp, double powerWatts, PhasePowers powers, PhaseCurrents currents,
        PhaseVoltages voltages, double energyImportWattHours, double energyExportWattHours) {

    public MeterReading {
        powers = powers == null ? PhasePowers.ZERO : powers;
        currents = currents == null ? PhaseCurrents.ZERO : currents;
        voltages = voltages == null ? PhaseVoltages.NOMINAL : voltages;
    }
}
