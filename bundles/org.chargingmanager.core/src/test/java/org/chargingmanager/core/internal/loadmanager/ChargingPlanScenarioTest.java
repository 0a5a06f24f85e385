package org.chargingmanager.core.internal.loadmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.api.plan.ChargingPlanRequest;
import org.chargingmanager.api.plan.ChargingPlanStatus;
import org.chargingmanager.api.plan.PlanState;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.api.tariff.Tariff;
import org.chargingmanager.core.internal.Configs;
import org.chargingmanager.core.internal.plan.ChargingPlanService;
import org.chargingmanager.core.internal.variables.LiveValues;
import org.chargingmanager.core.internal.variables.VariableStore;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A night with day-ahead prices, a minute per cycle, time moved by the test: a car with a plan
 * for 07:00 charges in the cheapest hours only and has its energy by then.
 */
class ChargingPlanScenarioTest {

    private static final Instant EVENING = Instant.parse("2026-12-06T17:00:00Z");
    /** EUR/kWh from 17:00 to 07:00 UTC: dear in the evening, cheapest at 02:00 and 03:00. */
    private static final double[] PRICES = { 0.35, 0.38, 0.36, 0.30, 0.28, 0.25, 0.22, 0.18, 0.12, 0.10, 0.11, 0.14,
            0.20, 0.30 };

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(EVENING);
    private final FakeSite site = new FakeSite(clock);
    private FakeEvse planned;
    private FakeEvse other;
    private LoadManager manager;
    private ChargingPlanService plans;

    @BeforeEach
    void setUp() throws Exception {
        VariableStore variables = new VariableStore(new LiveValues(clock), directory.resolve("variables.txt"));
        planned = site.addEvse("garage-1", 3, PhaseRotation.L1_L2_L3);
        other = site.addEvse("garage-2", 3, PhaseRotation.L2_L3_L1);
        site.baseLoad = new PhaseCurrents(2609, 1739, 1304);
        manager = new LoadManager(variables, Configs.of(LoadManagerConfig.class, Map.of("houseConnectionCurrentAmps", "63")),
                clock);
        site.evses.forEach(manager::addEvse);
        manager.addMeter(site.gridMeter());
        plans = ChargingPlanService.inDirectory(directory, clock);
        plans.addTariff(new NightPrices(), Map.of());
        manager.usePlans(plans);
    }

    @Test
    void aPlanFor0700ChargesInTheCheapestHoursAndMeetsItsDeadline() throws Exception {
        Instant deadline = Instant.parse("2026-12-07T07:00:00Z");
        plans.setPlan(new ChargingPlanRequest("garage-1", 20_000, deadline), "test");
        TreeSet<Integer> hoursCharging = new TreeSet<>();
        double energyByDeadline = Double.NaN;
        boolean otherAlwaysCharging = true;
        for (Instant t = EVENING; t.isBefore(deadline.plus(Duration.ofMinutes(30))); t = t.plus(Duration.ofMinutes(1))) {
            clock.set(t);
            Map<String, ChargingLimit> limits = manager.cycle();
            if (planned.limit().currentMilliamps() > 0) {
                hoursCharging.add(t.atZone(ZoneOffset.UTC).getHour());
            } else if (t.isAfter(EVENING.plusSeconds(5)) && t.isBefore(deadline)) {
                assertThat(limits.get("garage-1").reason()).isEqualTo(LimitReason.RULE);
                assertThat(limits.get("garage-1").detail()).startsWith("charging plan: ");
            }
            otherAlwaysCharging &= t.equals(EVENING) || other.limit().currentMilliamps() == 16_000;
            chargeOneMinute(planned);
            chargeOneMinute(other);
            if (t.equals(deadline.minusSeconds(60))) {
                energyByDeadline = planned.snapshot().energyWattHours();
            }
        }
        assertThat(hoursCharging).as("only the two cheapest hours").containsExactly(2, 3);
        assertThat(energyByDeadline).isGreaterThanOrEqualTo(20_000);
        assertThat(otherAlwaysCharging).as("the charging point without a plan charges as before").isTrue();
        assertThat(plans.plans()).as("done, then the car was still plugged in").singleElement()
                .extracting(ChargingPlanStatus::state).isEqualTo(PlanState.DONE);
    }

    @Test
    void aPlanThatCannotBeMetSaysWhyAtOnceAndChargesAsMuchAsItCan() throws Exception {
        plans.setPlan(new ChargingPlanRequest("garage-1", 60_000, Instant.parse("2026-12-06T20:00:00Z")), "test");
        List<ChargingLimit> limits = new ArrayList<>();
        for (int minute = 0; minute < 5; minute++) {
            clock.set(EVENING.plus(Duration.ofMinutes(minute)));
            limits.add(manager.cycle().get("garage-1"));
        }
        ChargingPlanStatus status = plans.plan("garage-1").orElseThrow();
        assertThat(status.state()).isEqualTo(PlanState.NOT_FEASIBLE);
        assertThat(status.reason()).startsWith("needs 60.0 kWh by Sun 20:00, but at most 32.4 kWh fit before then");
        assertThat(limits.get(limits.size() - 1).currentMilliamps()).isEqualTo(16_000);
    }

    @Test
    void aPlanEndsWhenTheCarIsUnpluggedAfterCharging() throws Exception {
        plans.setPlan(new ChargingPlanRequest("garage-1", 20_000, Instant.parse("2026-12-07T07:00:00Z")), "test");
        clock.set(EVENING);
        manager.cycle();
        assertThat(plans.plan("garage-1")).get().extracting(ChargingPlanStatus::state).isEqualTo(PlanState.PLANNED);
        planned.carConnected(false);
        clock.set(EVENING.plusSeconds(60));
        manager.cycle();
        assertThat(plans.plans()).isEmpty();
        assertThat(ChargingPlanService.inDirectory(directory, clock).plans()).as("stored without it").isEmpty();
    }

    private void chargeOneMinute(FakeEvse evse) {
        double watts = evse.snapshot().powerWatts();
        evse.energyWattHours(evse.snapshot().energyWattHours() + watts / 60);
    }

    private static final class NightPrices implements Tariff {
        @Override
        public String id() {
            return "night";
        }

        @Override
        public PriceForecast forecast() {
            List<PriceSlot> slots = new ArrayList<>();
            for (int hour = 0; hour < PRICES.length; hour++) {
                Instant start = EVENING.plus(Duration.ofHours(hour));
                slots.add(PriceSlot.importOnly(start, start.plus(Duration.ofHours(1)), PRICES[hour]));
            }
            return new PriceForecast("EUR", slots, EVENING, "");
        }
    }
}
