package org.chargingmanager.wallbox.abl.internal;

import java.util.OptionalDouble;

import org.chargingmanager.api.device.PhaseCurrents;

/**
 * One read of an ABL controller.
 *
 * @param stateCode        the state byte (see {@link AblState})
 * @param currents         measured currents per phase, null if the box has no current sensor
 * @param powerWatts       measured power, empty if the box reports none (eMH1)
 * @param energyWattHours  the energy counter, empty if the box reports none (eMH1)
 * @param appliedMilliamps the current limit the box applies now, 0 while disabled
 */
record AblReading(int stateCode, PhaseCurrents currents, OptionalDouble powerWatts, OptionalDouble energyWattHours,
        int appliedMilliamps) {
}
