package org.chargingmanager.core.internal.plan;

import java.util.List;

import org.chargingmanager.api.device.Phase;

/**
 * A charging point as the plans follow it, once per load management cycle.
 *
 * @param connected whether a car is plugged in and may charge
 * @param energyRegisterWattHours the charging point's energy register
 */
public record PlanCar(String evseId, int priority, List<Phase> gridPhases, int minMilliamps, int maxMilliamps,
        boolean connected, double energyRegisterWattHours) {
}
