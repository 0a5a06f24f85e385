package org.chargingmanager.core.internal.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.junit.jupiter.api.Test;

class TariffValuesTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-12-06T23:00:00Z");

    /** Hourly prices from MIDNIGHT on, in EUR/kWh. */
    private static PriceForecast hourly(double... prices) {
        List<PriceSlot> slots = new ArrayList<>();
        for (int hour = 0; hour < prices.length; hour++) {
            Instant start = MIDNIGHT.plus(Duration.ofHours(hour));
            slots.add(PriceSlot.importOnly(start, start.plus(Duration.ofHours(1)), prices[hour]));
        }
        return new PriceForecast("EUR", slots, MIDNIGHT, "");
    }

    @Test
    void thePriceIsThatOfTheSlotContainingNow() {
        PriceForecast forecast = hourly(0.30, 0.20, 0.25);
        assertThat(TariffValues.importPrice(forecast, MIDNIGHT)).contains(0.30);
        assertThat(TariffValues.importPrice(forecast, MIDNIGHT.plusSeconds(3599))).contains(0.30);
        assertThat(TariffValues.importPrice(forecast, MIDNIGHT.plusSeconds(3600))).contains(0.20);
        assertThat(TariffValues.importPrice(forecast, MIDNIGHT.minusSeconds(1))).isEmpty();
        assertThat(TariffValues.importPrice(forecast, MIDNIGHT.plus(Duration.ofHours(3)))).isEmpty();
        assertThat(TariffValues.feedInPrice(forecast, MIDNIGHT)).as("no feed-in price known").isEmpty();
    }

    @Test
    void theRankCountsTheCheaperHoursOfTheWindow() {
        PriceForecast forecast = hourly(0.30, 0.20, 0.25, 0.10, 0.35, 0.22);
        assertThat(TariffValues.rank(forecast, MIDNIGHT, 6)).contains(5.0); // 0.20, 0.25, 0.10, 0.22 are cheaper
        assertThat(TariffValues.rank(forecast, MIDNIGHT, 1)).contains(1.0);
        assertThat(TariffValues.rank(forecast, MIDNIGHT.plus(Duration.ofHours(3)), 3)).contains(1.0);
        // the window holds only what is known: 2 hours left, one of them cheaper
        assertThat(TariffValues.rank(forecast, MIDNIGHT.plus(Duration.ofMinutes(270)), 12)).contains(2.0);
    }

    @Test
    void quarterHourSlotsGiveTheRankInHours() {
        List<PriceSlot> slots = new ArrayList<>();
        double[] prices = { 0.30, 0.10, 0.10, 0.30, 0.30, 0.30, 0.30, 0.30 };
        for (int i = 0; i < prices.length; i++) {
            Instant start = MIDNIGHT.plus(Duration.ofMinutes(15L * i));
            slots.add(PriceSlot.importOnly(start, start.plus(Duration.ofMinutes(15)), prices[i]));
        }
        PriceForecast forecast = new PriceForecast("EUR", slots, MIDNIGHT, "");
        assertThat(TariffValues.rank(forecast, MIDNIGHT, 2)).contains(1.5);
        assertThat(TariffValues.rank(forecast, MIDNIGHT.plus(Duration.ofMinutes(20)), 2)).contains(1.0);
    }

    @Test
    void onTheDayClocksGoBackTheWindowIsCountedInRealHours() {
        // 25 local hours on 2026-10-25 in Germany: hourly slots in UTC are unaffected
        Instant start = Instant.parse("2026-10-24T22:00:00Z");
        List<PriceSlot> slots = new ArrayList<>();
        for (int hour = 0; hour < 25; hour++) {
            Instant slotStart = start.plus(Duration.ofHours(hour));
            slots.add(PriceSlot.importOnly(slotStart, slotStart.plus(Duration.ofHours(1)), hour == 24 ? 0.01 : 0.30));
        }
        PriceForecast forecast = new PriceForecast("EUR", slots, start, "");
        assertThat(TariffValues.rank(forecast, start, 24)).contains(1.0);
        assertThat(TariffValues.rank(forecast, start, 25)).contains(2.0);
    }

    @Test
    void overlappingSlotsAndWindowsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> new PriceForecast("EUR", List.of(
                PriceSlot.importOnly(MIDNIGHT, MIDNIGHT.plusSeconds(3600), 0.3),
                PriceSlot.importOnly(MIDNIGHT.plusSeconds(1800), MIDNIGHT.plusSeconds(5400), 0.3)), null, ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TariffValues.rank(hourly(0.3), MIDNIGHT, 49)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriceSlot.importOnly(MIDNIGHT, MIDNIGHT, 0.3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriceSlot.importOnly(MIDNIGHT, MIDNIGHT.plusSeconds(1), Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSiteUsesTheTariffWithTheHighestRanking() {
        SiteTariffs tariffs = new SiteTariffs();
        assertThat(tariffs.selected()).isEmpty();
        FixedTariff first = new FixedTariff("first");
        FixedTariff second = new FixedTariff("second");
        FixedTariff preferred = new FixedTariff("preferred");
        tariffs.add(first, 0);
        tariffs.add(second, 0);
        assertThat(tariffs.selected()).containsSame(first);
        tariffs.add(preferred, 10);
        assertThat(tariffs.selected()).containsSame(preferred);
        tariffs.remove(preferred);
        tariffs.remove(first);
        assertThat(tariffs.selected()).containsSame(second);
    }

    private record FixedTariff(String id) implements org.chargingmanager.api.tariff.Tariff {
        @Override
        public PriceForecast forecast() {
            return hourly(0.30);
        }
    }
}
