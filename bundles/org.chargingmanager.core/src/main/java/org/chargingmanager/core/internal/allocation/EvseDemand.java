package org.chargingmanager.core.internal.allocation;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.evse.LimitReason;

/**
 * What one charging point needs from the allocation.
 *
 * @param id the charging point
 * @param priority a higher number gets its minimum current first
 * @param gridPhases the grid phases the car draws on (the phase rotation already applied)
 * @param minMilliamps the smallest current the car charges with
 * @param maxMilliamps the most it may get after settings, rules and user limits; below
 *        {@code minMilliamps} means it gets 0
 * @param maxReason why the maximum is what it is (EVSE_MAXIMUM, RULE, USER)
 * @param maxDetail for example the name of the rule
 * @param status whether it takes part
 * @param previousLimitMilliamps the limit of the previous cycle
 * @param pausedSince when its limit went to 0, or {@code null}
 * @param chargingSince when its limit went above 0, or {@code null}
 */
public record EvseDemand(String id, int priority, List<Phase> gridPhases, int minMilliamps, int maxMilliamps,
        LimitReason maxReason, String maxDetail, DemandStatus status, int previousLimitMilliamps, Instant pausedSince,
        Instant chargingSince) {

    public EvseDemand {
        gridPhases = List.copyOf(gridPhases);
        if (gridPhases.isEmpty()) {
            throw new IllegalArgumentException(id + ": a charging point uses at least one phase");
        }
        maxDetail = maxDetail == null ? "" : maxDetail;
    }
}
