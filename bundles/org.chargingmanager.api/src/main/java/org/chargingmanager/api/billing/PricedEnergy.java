package org.chargingmanager.api.billing;

import java.time.Instant;

/**
 * The energy a session drew during one price slot of the site's tariff.
 *
 * @param start the slot's start, inclusive
 * @param end the slot's end, exclusive
 * @param pricePerKilowattHour the import price of the slot, in the cost's currency
 * @param energyWattHours the energy drawn during the slot; a meter reading interval that spans
 *        two slots is shared between them in proportion to time
 */
public record PricedEnergy(Instant start, Instant end, double pricePerKilowattHour, double energyWattHours) {

    public PricedEnergy {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a price slot ends after it starts: " + start + " .. " + end);
        }
    }

    /** What the energy of this slot cost, unrounded. */
    public double cost() {
        return energyWattHours / 1000 * pricePerKilowattHour;
    }
}
