package org.chargingmanager.api.plan;

import java.time.Instant;
import java.util.List;

/**
 * A plan and what became of it.
 *
 * @param request what was asked for
 * @param state where it stands
 * @param reason in words, for example why the deadline cannot be met; empty when there is nothing to say
 * @param deliveredWattHours charged since the plan began
 * @param plannedWattHours what the planned slots will charge
 * @param slots the slots still to come in which it charges, in time order
 * @param expectedCost the cost of the planned slots at their prices, or {@link Double#NaN} if no
 *        price is known
 * @param currency of the cost, such as {@code EUR}; empty without a tariff
 * @param plannedAt when it was last planned, or {@code null} before the first planning
 */
public record ChargingPlanStatus(ChargingPlanRequest request, PlanState state, String reason, double deliveredWattHours,
        double plannedWattHours, List<PlannedSlot> slots, double expectedCost, String currency, Instant plannedAt) {

    public ChargingPlanStatus {
        slots = List.copyOf(slots);
        reason = reason == null ? "" : reason;
        currency = currency == null ? "" : currency;
    }

    /** A plan not planned yet. */
    public static ChargingPlanStatus unplanned(ChargingPlanRequest request) {
        return new ChargingPlanStatus(request, PlanState.WAITING_FOR_CAR, "not planned yet", 0, 0, List.of(), Double.NaN,
                "", null);
    }
}
