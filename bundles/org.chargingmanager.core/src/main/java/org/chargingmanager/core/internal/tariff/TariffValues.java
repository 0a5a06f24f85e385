package org.chargingmanager.core.internal.tariff;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;

/**
 * What expressions read from the site's tariff ({@code tariff.price}, {@code tariff.rank_N}):
 * pure functions of a forecast and an instant.
 */
public final class TariffValues {

    /** The longest window {@code tariff.rank_N} looks ahead, in hours. */
    public static final int MAX_RANK_HOURS = 48;

    private TariffValues() {
    }

    /** The import price of the slot that contains {@code now}. */
    public static Optional<Double> importPrice(PriceForecast forecast, Instant now) {
        return forecast.slotAt(now).map(PriceSlot::importPricePerKilowattHour);
    }

    /** The feed-in price of the slot that contains {@code now}, if the tariff knows one. */
    public static Optional<Double> feedInPrice(PriceForecast forecast, Instant now) {
        return forecast.slotAt(now).map(PriceSlot::feedInPricePerKilowattHour).filter(Double::isFinite);
    }

    /**
     * The rank of the current slot's import price among the next {@code hours} hours, counted in
     * hours: 1 plus how many hours of the window are cheaper than now. With hourly prices this is
     * the plain rank (1 = the cheapest hour); with 15-minute slots it may be fractional. So
     * {@code tariff.rank_12 <= 4} means "now is among the cheapest 4 hours of the next 12". The
     * window starts with the current slot and holds only the hours whose prices are known.
     *
     * @return empty if no price is known for now
     */
    public static Optional<Double> rank(PriceForecast forecast, Instant now, int hours) {
        if (hours < 1 || hours > MAX_RANK_HOURS) {
            throw new IllegalArgumentException("the window is 1 to " + MAX_RANK_HOURS + " hours, not " + hours);
        }
        Optional<PriceSlot> current = forecast.slotAt(now);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        Instant windowStart = current.get().start();
        Instant windowEnd = windowStart.plus(Duration.ofHours(hours));
        double price = current.get().importPricePerKilowattHour();
        long cheaperSeconds = 0;
        for (PriceSlot slot : forecast.from(windowStart)) {
            if (!slot.start().isBefore(windowEnd)) {
                break;
            }
            if (slot.importPricePerKilowattHour() < price) {
                Instant end = slot.end().isAfter(windowEnd) ? windowEnd : slot.end();
                Instant start = slot.start().isBefore(windowStart) ? windowStart : slot.start();
                cheaperSeconds += Duration.between(start, end).toSeconds();
            }
        }
        return Optional.of(1 + cheaperSeconds / 3600.0);
    }
}
