package org.chargingmanager.api.tariff;

import java.time.Instant;

/**
 * The price of electricity during one period.
 *
 * @param start inclusive
 * @param end exclusive, after {@code start}
 * @param importPricePerKilowattHour what a kWh drawn from the grid costs, taxes and fees included
 *        where the provider knows them, in the forecast's currency
 * @param feedInPricePerKilowattHour what a kWh fed in earns, or {@link Double#NaN} if unknown
 * @param co2GramsPerKilowattHour the grid's carbon intensity, or {@link Double#NaN} if unknown
 * @param gridFeePerKilowattHour the part of the import price that is the grid fee, or
 *        {@link Double#NaN} if unknown
 */
public record PriceSlot(Instant start, Instant end, double importPricePerKilowattHour, double feedInPricePerKilowattHour,
        double co2GramsPerKilowattHour, double gridFeePerKilowattHour) {

    public PriceSlot {
        if (start == null || end == null || !end.isAfter(start)) {
            throw new IllegalArgumentException("a price slot ends after it starts: " + start + " .. " + end);
        }
        if (!Double.isFinite(importPricePerKilowattHour)) {
            throw new IllegalArgumentException("the import price of " + start + " is not a number");
        }
    }

    /** A slot with only an import price. */
    public static PriceSlot importOnly(Instant start, Instant end, double importPricePerKilowattHour) {
        return new PriceSlot(start, end, importPricePerKilowattHour, Double.NaN, Double.NaN, Double.NaN);
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && instant.isBefore(end);
    }
}
