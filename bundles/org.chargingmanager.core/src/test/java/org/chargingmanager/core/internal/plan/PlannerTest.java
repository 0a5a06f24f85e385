package org.chargingmanager.core.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.plan.PlannedSlot;
import org.chargingmanager.api.plan.SolarSlot;
import org.chargingmanager.api.tariff.PriceSlot;
import org.junit.jupiter.api.Test;

class PlannerTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-06-21T00:00:00Z");
    private static final List<Phase> THREE = List.of(Phase.L1, Phase.L2, Phase.L3);
    /** 63 A per phase, 1 A of house load, no unbalanced-load limit. */
    private static final PlanningSite SITE = new PlanningSite(PhaseCurrents.onPhases(3, 63_000), Double.POSITIVE_INFINITY,
            PhaseCurrents.onPhases(3, 1000), 690, 230, Integer.MAX_VALUE);

    private static List<PriceSlot> flat(double price, int hours, double feedIn) {
        List<PriceSlot> slots = new ArrayList<>();
        for (int hour = 0; hour < hours; hour++) {
            Instant start = MIDNIGHT.plus(Duration.ofHours(hour));
            slots.add(new PriceSlot(start, start.plus(Duration.ofHours(1)), price, feedIn, Double.NaN, Double.NaN));
        }
        return slots;
    }

    private static PlanDemand car(String id, int priority, double wattHours, int deadlineHour) {
        return new PlanDemand(id, priority, THREE, 6000, 16_000, wattHours, MIDNIGHT.plus(Duration.ofHours(deadlineHour)));
    }

    @Test
    void theSunsHoursAreTakenAtTheFeedInPriceBeforeTheNightsImport() {
        List<SolarSlot> sun = List.of(new SolarSlot(MIDNIGHT.plus(Duration.ofHours(11)), MIDNIGHT.plus(Duration.ofHours(13)),
                12_000));
        PlanOutcome outcome = Planner.plan(MIDNIGHT, SITE, flat(0.30, 24, 0.08), sun, List.of(car("a", 0, 11_040, 20)),
                ZoneOffset.UTC).get("a");
        assertThat(outcome.feasible()).isTrue();
        assertThat(outcome.slots()).allSatisfy(slot -> {
            assertThat(slot.start()).isBetween(MIDNIGHT.plus(Duration.ofHours(11)), MIDNIGHT.plus(Duration.ofHours(13)));
            assertThat(slot.pricePerKilowattHour()).isEqualTo(0.08);
        });
        assertThat(outcome.expectedCost()).isEqualTo(11.04 * 0.08, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aHigherPriorityPlanGetsTheCheapHourWhenTheHouseConnectionHoldsOnlyOneCar() {
        PlanningSite small = new PlanningSite(PhaseCurrents.onPhases(3, 17_000), Double.POSITIVE_INFINITY,
                PhaseCurrents.onPhases(3, 1000), 690, 230, Integer.MAX_VALUE);
        List<PriceSlot> prices = new ArrayList<>(flat(0.30, 6, Double.NaN));
        prices.set(2, PriceSlot.importOnly(prices.get(2).start(), prices.get(2).end(), 0.05));
        Map<String, PlanOutcome> plans = Planner.plan(MIDNIGHT, small, prices, List.of(),
                List.of(car("low", 0, 11_040, 6), car("high", 1, 11_040, 6)), ZoneOffset.UTC);
        assertThat(plans.get("high").slots()).extracting(PlannedSlot::start)
                .allSatisfy(start -> assertThat(start).isBetween(MIDNIGHT.plus(Duration.ofHours(2)),
                        MIDNIGHT.plus(Duration.ofMinutes(165))));
        assertThat(plans.get("low").slots()).extracting(PlannedSlot::start)
                .noneSatisfy(start -> assertThat(start).isBetween(MIDNIGHT.plus(Duration.ofHours(2)),
                        MIDNIGHT.plus(Duration.ofMinutes(165))));
        assertThat(plans.get("low").feasible()).isTrue();
    }

    @Test
    void slotsWithoutAPriceComeAfterAllPricedOnesAndTheLastSlotGetsOnlyWhatIsNeeded() {
        List<PriceSlot> prices = flat(0.40, 2, Double.NaN); // 00:00-02:00 known, later unknown
        PlanOutcome outcome = Planner.plan(MIDNIGHT, SITE, prices, List.of(), List.of(car("a", 0, 12_000, 8)),
                ZoneOffset.UTC).get("a");
        assertThat(outcome.slots()).extracting(PlannedSlot::start).allSatisfy(start ->
                assertThat(start).isBefore(MIDNIGHT.plus(Duration.ofHours(2))));
        PlannedSlot last = outcome.slots().get(outcome.slots().size() - 1);
        assertThat(last.currentMilliamps()).isBetween(6000, 16_000 - 1);
        assertThat(outcome.plannedWattHours()).isBetween(12_000.0, 12_000 + 6 * 0.69 * 0.25 * 1000);
    }

    @Test
    void aDeadlineThatHasPassedIsSaidSo() {
        PlanOutcome outcome = Planner.plan(MIDNIGHT, SITE, List.of(), List.of(),
                List.of(new PlanDemand("a", 0, THREE, 6000, 16_000, 5000, MIDNIGHT.minusSeconds(1))), ZoneOffset.UTC)
                .get("a");
        assertThat(outcome.feasible()).isFalse();
        assertThat(outcome.reason()).isEqualTo("the deadline has passed");
        assertThat(outcome.slots()).isEmpty();
    }
}
