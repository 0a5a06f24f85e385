package org.chargingmanager.core.internal.tariff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.api.tariff.Tariff;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.core.internal.variables.LiveValues;
import org.chargingmanager.core.internal.variables.VariableStore;
import org.chargingmanager.testkit.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code PRICE} and the {@code tariff.*} live values through the real variable store. */
class PriceVariableTest {

    private static final Instant TEN_PM = Instant.parse("2026-12-06T21:00:00Z");

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(TEN_PM);
    private LiveValues live;
    private VariableStore variables;

    @BeforeEach
    void start() throws Exception {
        live = new LiveValues(clock);
        variables = new VariableStore(live, directory.resolve("variables.txt"));
    }

    /** A night of hourly prices from 22:00 UTC: 0.30, 0.28, 0.22, 0.12, 0.11, 0.13, 0.18, 0.25, 0.31. */
    private static Tariff night(String id) {
        double[] prices = { 0.30, 0.28, 0.22, 0.12, 0.11, 0.13, 0.18, 0.25, 0.31 };
        List<PriceSlot> slots = new ArrayList<>();
        for (int hour = 0; hour < prices.length; hour++) {
            Instant start = TEN_PM.plus(Duration.ofHours(hour));
            slots.add(new PriceSlot(start, start.plus(Duration.ofHours(1)), prices[hour], 0.08, Double.NaN, Double.NaN));
        }
        PriceForecast forecast = new PriceForecast("EUR", slots, TEN_PM, "");
        return new Tariff() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public PriceForecast forecast() {
                return forecast;
            }
        };
    }

    @Test
    void priceIsDefinedOnceATariffExistsAndFollowsTheSlots() throws Exception {
        live.addTariff(night("night"), Map.of());
        assertThat(PriceVariable.ensureDefined(variables)).isTrue();
        assertThat(PriceVariable.ensureDefined(variables)).as("defined only once").isFalse();
        assertThat(variables.get("PRICE").orElseThrow().value()).isEqualTo(0.30);
        clock.advance(Duration.ofHours(4));
        assertThat(variables.get("price").orElseThrow().value()).isEqualTo(0.11);
        variables.set("FEED", "tariff.feed_in");
        assertThat(variables.get("FEED").orElseThrow().value()).isEqualTo(0.08);
    }

    @Test
    void aPriceTheUserDefinedIsKept() throws Exception {
        variables.set("PRICE", "0.35");
        live.addTariff(night("night"), Map.of());
        assertThat(PriceVariable.ensureDefined(variables)).isFalse();
        assertThat(variables.get("PRICE").orElseThrow().expression()).isEqualTo("0.35");
    }

    @Test
    void aRuleConditionCanAskForTheCheapestFourHoursOfTheNight() throws Exception {
        live.addTariff(night("night"), Map.of());
        variables.set("CHEAP", "tariff.rank_9 <= 4");
        List<Double> cheapByHour = new ArrayList<>();
        for (int hour = 0; hour < 9; hour++) {
            cheapByHour.add(variables.get("CHEAP").orElseThrow().value());
            clock.advance(Duration.ofHours(1));
        }
        // 0.12, 0.11, 0.13 and 0.18 are the cheapest four of the nine hours; the window moves on with the clock
        assertThat(cheapByHour.subList(0, 7)).containsExactly(0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0);
    }

    @Test
    void theHighestRankedTariffIsTheSitesAndWithoutOneTheValueSaysWhy() throws Exception {
        variables.set("NOW", "tariff.price");
        Variable none = variables.get("NOW").orElseThrow();
        assertThat(none.value()).isNaN();
        assertThat(none.error()).contains("no tariff is configured");

        live.addTariff(night("night"), Map.of());
        Tariff fixed = new Tariff() {
            @Override
            public String id() {
                return "fixed";
            }

            @Override
            public PriceForecast forecast() {
                return new PriceForecast("EUR", List.of(PriceSlot.importOnly(TEN_PM, TEN_PM.plusSeconds(3600), 0.40)),
                        null, "");
            }
        };
        live.addTariff(fixed, Map.of("service.ranking", 5));
        assertThat(variables.get("NOW").orElseThrow().value()).isEqualTo(0.40);
        clock.advance(Duration.ofHours(2));
        assertThat(variables.get("NOW").orElseThrow().error()).contains("tariff 'fixed' knows no price for now");
        live.removeTariff(fixed);
        assertThat(variables.get("NOW").orElseThrow().value()).isEqualTo(0.22);
    }

    @Test
    void badTariffNamesAreRefusedWhenSet() {
        assertThatThrownBy(() -> variables.set("X", "tariff.rank_49")).isInstanceOf(InvalidExpressionException.class)
                .hasMessageContaining("rank_N with N from 1 to 48");
        assertThatThrownBy(() -> variables.set("X", "tariff.cost")).isInstanceOf(InvalidExpressionException.class);
        assertThat(variables.get("X")).isEmpty();
    }
}
