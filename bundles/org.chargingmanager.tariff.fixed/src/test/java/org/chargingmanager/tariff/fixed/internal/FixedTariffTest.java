package org.chargingmanager.tariff.fixed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.chargingmanager.api.tariff.PriceForecast;
import org.junit.jupiter.api.Test;

class FixedTariffTest {

    private static FixedTariffConfig config(String[] periods, String feedIn, String zone) {
        return new FixedTariffConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return FixedTariffConfig.class;
            }

            @Override
            public String id() {
                return "night-rate";
            }

            @Override
            public String name() {
                return "Night rate";
            }

            @Override
            public double importPricePerKilowattHour() {
                return 0.34;
            }

            @Override
            public String[] periods() {
                return periods;
            }

            @Override
            public String feedInPricePerKilowattHour() {
                return feedIn;
            }

            @Override
            public String currency() {
                return "EUR";
            }

            @Override
            public String timeZone() {
                return zone;
            }

            @Override
            public int ranking() {
                return 0;
            }
        };
    }

    @Test
    void theForecastStartsWithTodayAndCoversThreeDays() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-08T12:00:00Z"), ZoneOffset.UTC);
        FixedTariff tariff = new FixedTariff(config(new String[] { "Mon-Fri 22:00-06:00 0.22", " " }, "0,08", "UTC"),
                clock);
        PriceForecast forecast = tariff.forecast();
        assertThat(forecast.currency()).isEqualTo("EUR");
        assertThat(forecast.problem()).isEmpty();
        assertThat(forecast.slotAt(clock.instant()).orElseThrow().importPricePerKilowattHour()).isEqualTo(0.34);
        assertThat(forecast.slotAt(Instant.parse("2026-12-08T23:00:00Z")).orElseThrow().importPricePerKilowattHour())
                .isEqualTo(0.22);
        assertThat(forecast.slots().get(0).start()).isEqualTo(Instant.parse("2026-12-08T00:00:00Z"));
        assertThat(forecast.slots().get(forecast.slots().size() - 1).end()).isEqualTo(Instant.parse("2026-12-11T00:00:00Z"));
        assertThat(forecast.slots().get(0).feedInPricePerKilowattHour()).isEqualTo(0.08);
    }

    @Test
    void aConfigurationThatCannotBeReadDoesNotStartAndSaysWhy() {
        Clock clock = Clock.systemUTC();
        assertThatThrownBy(() -> new FixedTariff(config(new String[] { "Mon-Fri 22-06 0.22" }, "", ""), clock))
                .hasMessageContaining("'Mon-Fri 22-06 0.22' is not a price period");
        assertThatThrownBy(() -> new FixedTariff(config(new String[0], "eight cents", ""), clock))
                .hasMessageContaining("the feed-in price 'eight cents' is not a number");
        assertThatThrownBy(() -> new FixedTariff(config(new String[0], "", "Berlin"), clock))
                .hasMessageContaining("'Berlin' is not a time zone");
    }
}
