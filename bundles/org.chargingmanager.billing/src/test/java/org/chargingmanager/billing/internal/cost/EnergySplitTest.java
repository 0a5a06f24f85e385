package org.chargingmanager.billing.internal.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chargingmanager.api.billing.PricedEnergy;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.junit.jupiter.api.Test;

/** Sharing a reading interval among price slots, and which readings are worth storing. */
class EnergySplitTest {

    private static final Instant TEN = Instant.parse("2026-01-20T22:00:00Z");
    private static final PriceForecast FORECAST = new PriceForecast("EUR", List.of(
            PriceSlot.importOnly(TEN.minus(Duration.ofHours(1)), TEN, 0.30),
            PriceSlot.importOnly(TEN, TEN.plus(Duration.ofMinutes(15)), 0.12)), TEN, "");

    @Test
    void anIntervalAcrossABoundaryIsSharedByTime() {
        EnergySplit.Result result = EnergySplit.split(TEN.minusSeconds(15), TEN.plusSeconds(45), 100, FORECAST, null);
        assertThat(result.currency()).isEqualTo("EUR");
        assertThat(result.priced()).extracting(PricedEnergy::pricePerKilowattHour).containsExactly(0.30, 0.12);
        assertThat(result.priced().get(0).energyWattHours()).isCloseTo(25, within(1e-9));
        assertThat(result.priced().get(1).energyWattHours()).isCloseTo(75, within(1e-9));
        assertThat(result.unpricedEnergyWattHours()).isZero();
    }

    @Test
    void whatFallsOutsideTheForecastOrInAnotherCurrencyIsUnpriced() {
        Instant end = TEN.plus(Duration.ofMinutes(15));
        EnergySplit.Result beyond = EnergySplit.split(end.minusSeconds(30), end.plusSeconds(90), 120, FORECAST, "EUR");
        assertThat(beyond.priced().get(0).energyWattHours()).isCloseTo(30, within(1e-9));
        assertThat(beyond.unpricedEnergyWattHours()).isCloseTo(90, within(1e-9));
        assertThat(EnergySplit.split(TEN, TEN.plusSeconds(60), 50, FORECAST, "GBP").unpricedEnergyWattHours())
                .isEqualTo(50);
        assertThat(EnergySplit.split(TEN, TEN.plusSeconds(60), 50, null, null).unpricedEnergyWattHours()).isEqualTo(50);
        assertThat(EnergySplit.split(TEN, TEN.plusSeconds(60), 0, FORECAST, null).priced()).isEmpty();
        assertThat(EnergySplit.split(TEN, TEN, 7, FORECAST, null).priced().get(0).pricePerKilowattHour())
                .isEqualTo(0.12);
    }

    @Test
    void readingsAreStoredWhenTheFlowChangesEveryMinuteAndAtEachSlotBoundary() {
        ReadingTracker tracker = new ReadingTracker(Duration.ofSeconds(60));
        List<ReadingTracker.Interval> stored = new ArrayList<>();
        Instant start = TEN.minusSeconds(300);
        double register = 1_000;
        for (int second = 0; second <= 600; second += 10) {
            Instant at = start.plusSeconds(second);
            boolean charging = second > 100 && second <= 500;
            register += charging ? 30 : 0;
            stored.addAll(tracker.observe("e", at, register, instant -> FORECAST.slotAt(instant)));
        }
        // the first reading tells where the register stands
        assertThat(stored.get(0)).isEqualTo(new ReadingTracker.Interval("e", start, start, 0, 1_000));
        // idle until 100 s: nothing; the start of the flow moves the reading to 100 s
        assertThat(stored.get(1)).isEqualTo(new ReadingTracker.Interval("e", start, start.plusSeconds(100), 0, 1_000));
        // then every minute, and at the boundary at 300 s
        assertThat(stored).extracting(interval -> Duration.between(start, interval.to()).toSeconds())
                .containsExactly(0L, 100L, 160L, 220L, 280L, 300L, 360L, 420L, 480L, 500L);
        assertThat(stored.get(stored.size() - 1).registerWattHours()).isEqualTo(1_000 + 40 * 30);
        assertThat(stored.stream().mapToDouble(ReadingTracker.Interval::energyWattHours).sum()).isEqualTo(40 * 30);
        // idle again: no more writes
        assertThat(tracker.observe("e", start.plusSeconds(700), register, instant -> Optional.empty())).isEmpty();
        // a meter reset starts over with a plain reading
        assertThat(tracker.observe("e", start.plusSeconds(710), 5, instant -> Optional.empty()))
                .containsExactly(new ReadingTracker.Interval("e", start.plusSeconds(710), start.plusSeconds(710), 0, 5));
        assertThat(tracker.observe("e", start.plusSeconds(720), 25, instant -> Optional.empty())).isEmpty();
    }
}
