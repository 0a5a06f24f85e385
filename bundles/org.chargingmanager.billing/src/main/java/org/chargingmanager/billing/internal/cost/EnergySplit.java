package org.chargingmanager.billing.internal.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.api.billing.PricedEnergy;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;

/**
 * Shares the energy of one meter reading interval among the price slots it spans, in proportion
 * to time (the power is taken as constant between two readings): pure. What falls where the
 * forecast knows no price, or when there is no forecast or its currency is not the session's,
 * is unpriced.
 */
public final class EnergySplit {

    /**
     * @param priced energy per slot, in time order, each slot with its price
     * @param unpricedEnergyWattHours energy without a price
     * @param currency the forecast's currency, or {@code null} if nothing was priced
     */
    public record Result(List<PricedEnergy> priced, double unpricedEnergyWattHours, String currency) {
    }

    private EnergySplit() {
    }

    /**
     * @param from the earlier reading
     * @param to the later reading; when not after {@code from}, all energy goes to the slot of {@code to}
     * @param forecast the site's prices, or {@code null} without a tariff
     * @param sessionCurrency the currency the session was priced in so far, or {@code null}
     */
    public static Result split(Instant from, Instant to, double energyWattHours, PriceForecast forecast,
            String sessionCurrency) {
        if (!(energyWattHours > 0)) {
            return new Result(List.of(), 0, null);
        }
        if (forecast == null || sessionCurrency != null && !sessionCurrency.equals(forecast.currency())) {
            return new Result(List.of(), energyWattHours, null);
        }
        List<PricedEnergy> priced = new ArrayList<>();
        if (!to.isAfter(from)) {
            return forecast.slotAt(to)
                    .map(slot -> new Result(List.of(energy(slot, energyWattHours)), 0, forecast.currency()))
                    .orElse(new Result(List.of(), energyWattHours, null));
        }
        double intervalNanos = Duration.between(from, to).toNanos();
        double pricedWattHours = 0;
        for (PriceSlot slot : forecast.slots()) {
            Instant start = slot.start().isAfter(from) ? slot.start() : from;
            Instant end = slot.end().isBefore(to) ? slot.end() : to;
            if (end.isAfter(start)) {
                double share = energyWattHours * Duration.between(start, end).toNanos() / intervalNanos;
                priced.add(energy(slot, share));
                pricedWattHours += share;
            }
        }
        double unpriced = Math.max(0, energyWattHours - pricedWattHours);
        return new Result(priced, unpriced < 1e-9 ? 0 : unpriced, priced.isEmpty() ? null : forecast.currency());
    }

    private static PricedEnergy energy(PriceSlot slot, double energyWattHours) {
        return new PricedEnergy(slot.start(), slot.end(), slot.importPricePerKilowattHour(), energyWattHours);
    }
}
