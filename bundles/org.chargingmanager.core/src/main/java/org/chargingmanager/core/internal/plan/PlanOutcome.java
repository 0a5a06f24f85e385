package org.chargingmanager.core.internal.plan;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.plan.PlannedSlot;

/**
 * What the planner decided for one charging point.
 *
 * @param feasible whether the planned slots charge the energy by the deadline
 * @param reason why not, in words; empty when feasible
 * @param slots the slots it charges in, in time order
 * @param plannedWattHours what they charge together
 * @param expectedCost at the slots' prices; {@link Double#NaN} when no slot has a price
 */
public record PlanOutcome(String evseId, boolean feasible, String reason, List<PlannedSlot> slots, double plannedWattHours,
        double expectedCost) {

    public PlanOutcome {
        slots = List.copyOf(slots);
    }

    /** The current planned for the instant: the slot's current, or 0 outside the planned slots. */
    public int milliampsAt(Instant instant) {
        for (PlannedSlot slot : slots) {
            if (!instant.isBefore(slot.start()) && instant.isBefore(slot.end())) {
                return slot.currentMilliamps();
            }
        }
        return 0;
    }

    /** The first planned slot that starts after the instant, or {@code null}. */
    public PlannedSlot nextAfter(Instant instant) {
        for (PlannedSlot slot : slots) {
            if (slot.start().isAfter(instant)) {
                return slot;
            }
        }
        return null;
    }
}
