package org.chargingmanager.billing.internal.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chargingmanager.api.tariff.PriceSlot;
import org.junit.jupiter.api.Test;

class ReadingTrackerTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final ReadingTracker tracker = new ReadingTracker(Duration.ofSeconds(60));
    private final List<ReadingTracker.Interval> stored = new ArrayList<>();

    private void observe(long secondsAfterStart, double registerWattHours) {
        stored.addAll(tracker.observe("cp1-1", T0.plusSeconds(secondsAfterStart), registerWattHours,
                instant -> Optional.<PriceSlot>empty()));
    }

    @Test
    void aRegisterThatMovesInTenSecondStepsIsStoredOncePerMaxIntervalNotTwicePerStep() {
        double register = 1_000;
        observe(0, register);
        for (int second = 1; second <= 300; second++) {
            if (second % 10 == 0) {
                register += 30; // 11 kW: 30.6 Wh per 10 s, reported by MeterValues
            }
            observe(second, register);
        }
        // the first reading, the flow's start at 9 s, then one at least every 60 s while it flows
        assertThat(stored).hasSizeLessThanOrEqualTo(7);
        assertThat(stored.get(0).from()).isEqualTo(T0);
        assertThat(stored.stream().mapToDouble(ReadingTracker.Interval::energyWattHours).sum())
                .as("every stored step adds up to what the register says at the last stored reading")
                .isEqualTo(stored.get(stored.size() - 1).registerWattHours() - 1_000);
    }

    @Test
    void aFlowThatEndsIsStoredUpToItsLastIncreaseAndIdleTimeCostsNoWrites() {
        observe(0, 1_000);
        for (int second = 1; second <= 30; second++) {
            observe(second, 1_000 + second * 3); // flows until 30 s
        }
        assertThat(stored).as("only the first reading so far").hasSize(1);
        stored.clear();
        for (int second = 31; second <= 3_600; second++) {
            observe(second, 1_090);
        }
        assertThat(stored).as("one interval for the whole flow, ending at its last increase")
                .containsExactly(new ReadingTracker.Interval("cp1-1", T0, T0.plusSeconds(30), 90, 1_090));
        stored.clear();
        observe(3_601, 1_100);
        assertThat(stored).as("a new flow first closes the idle time")
                .containsExactly(new ReadingTracker.Interval("cp1-1", T0.plusSeconds(30), T0.plusSeconds(3_600), 0, 1_090));
    }
}
