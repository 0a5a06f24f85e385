package org.chargingmanager.wallbox.goe.internal;

import org.chargingmanager.api.device.PhaseCurrents;

/**
 * What a status request tells, in the API's own meaning but the project's units.
 *
 * @param car           1 idle, 2 charging, 3 waiting for the car, 4 charging finished, 5 error; 0 unknown
 * @param allowed       {@code alw}: whether the box lets the car charge now
 * @param ampsSet       {@code amp}: the current set, in A
 * @param force         {@code frc} (v2): 0 neutral, 1 off, 2 on; -1 on v1
 * @param phaseMode     {@code psm} (v2): 0 auto, 1 one phase, 2 three phases; -1 when the box has none
 * @param energyWattHours {@code eto}: total energy charged
 * @param currents      from {@code nrg}
 * @param powerWatts    from {@code nrg}
 * @param card          the RFID card of the session (index from 0), or -1
 * @param serial        {@code sse}
 * @param firmware      {@code fwv}
 */
record GoeStatus(int car, boolean allowed, int ampsSet, int force, int phaseMode, double energyWattHours,
        PhaseCurrents currents, double powerWatts, int card, String serial, String firmware) {
}
