package org.chargingmanager.core.internal.plan;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.device.Phase;

/**
 * A charging point with a plan, as the planner sees it.
 *
 * @param evseId the charging point
 * @param priority plans of a higher priority are planned first
 * @param gridPhases the grid phases the car draws on
 * @param minMilliamps the smallest current the car charges with
 * @param maxMilliamps the most the charging point may give
 * @param energyWattHours what is still to be charged
 * @param deadline by when
 */
public record PlanDemand(String evseId, int priority, List<Phase> gridPhases, int minMilliamps, int maxMilliamps,
        double energyWattHours, Instant deadline) {

    public PlanDemand {
        gridPhases = List.copyOf(gridPhases);
        if (gridPhases.isEmpty()) {
            throw new IllegalArgumentException(evseId + ": a charging point uses at least one phase");
        }
    }
}
