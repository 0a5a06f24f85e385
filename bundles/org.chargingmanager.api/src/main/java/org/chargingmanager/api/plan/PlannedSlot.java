package org.chargingmanager.api.plan;

import java.time.Instant;

/**
 * One time slot in which a plan charges.
 *
 * @param start inclusive
 * @param end exclusive
 * @param currentMilliamps the current per phase planned in it
 * @param energyWattHours the energy planned in it
 * @param pricePerKilowattHour the price the energy is planned at (the feed-in price where PV
 *        surplus is forecast), or {@link Double#NaN} if no price is known for it
 */
public record PlannedSlot(Instant start, Instant end, int currentMilliamps, double energyWattHours,
        double pricePerKilowattHour) {
}
