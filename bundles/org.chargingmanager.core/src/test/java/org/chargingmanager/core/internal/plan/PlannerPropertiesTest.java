package org.chargingmanager.core.internal.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.plan.PlannedSlot;
import org.chargingmanager.api.tariff.PriceSlot;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the planner over random sites, prices and plans. */
class PlannerPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T17:07:30Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final List<List<Phase>> PHASE_SETS = List.of(List.of(Phase.L1), List.of(Phase.L2),
            List.of(Phase.L3), List.of(Phase.L1, Phase.L2, Phase.L3), List.of(Phase.L2, Phase.L3, Phase.L1));

    record Case(PlanningSite site, List<PriceSlot> prices, List<PlanDemand> demands) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<PlanDemand> demand = Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.of(PHASE_SETS),
                Arbitraries.integers().between(6_000, 10_000),
                Arbitraries.integers().between(6_000, 32_000),
                Arbitraries.doubles().between(100, 80_000),
                Arbitraries.integers().between(-30, 36 * 60))
                .as((priority, phases, minimum, maximum, energy, minutes) -> new PlanDemand("x", priority, phases,
                        minimum, Math.max(minimum, maximum), energy, NOW.plus(Duration.ofMinutes(minutes))));
        Arbitrary<List<PlanDemand>> demands = demand.list().ofMinSize(1).ofMaxSize(8).map(list -> {
            List<PlanDemand> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                PlanDemand d = list.get(i);
                named.add(new PlanDemand("evse-" + i, d.priority(), d.gridPhases(), d.minMilliamps(), d.maxMilliamps(),
                        d.energyWattHours(), d.deadline()));
            }
            return named;
        });
        Arbitrary<PhaseCurrents> limits = Combinators.combine(Arbitraries.integers().between(0, 80_000),
                Arbitraries.integers().between(0, 80_000), Arbitraries.integers().between(0, 80_000)).as(PhaseCurrents::new);
        Arbitrary<PhaseCurrents> base = Combinators.combine(Arbitraries.integers().between(-10_000, 30_000),
                Arbitraries.integers().between(-10_000, 30_000), Arbitraries.integers().between(-10_000, 30_000))
                .as(PhaseCurrents::new);
        Arbitrary<Double> powerLimit = Arbitraries.oneOf(Arbitraries.just(Double.POSITIVE_INFINITY),
                Arbitraries.doubles().between(0, 60_000));
        Arbitrary<Integer> unbalanced = Arbitraries.oneOf(Arbitraries.just(Integer.MAX_VALUE),
                Arbitraries.integers().between(0, 32_000));
        Arbitrary<List<Double>> hourlyPrices = Arbitraries.doubles().between(-0.05, 0.60).list().ofSize(40);
        return Combinators.combine(limits, base, powerLimit, unbalanced, hourlyPrices, demands)
                .as((limit, load, power, unbalance, hourly, list) -> {
                    PlanningSite site = new PlanningSite(limit, power, load,
                            230.0 * (Math.max(0, load.l1Milliamps()) + Math.max(0, load.l2Milliamps())
                                    + Math.max(0, load.l3Milliamps())) / 1000, 230, unbalance);
                    return new Case(site, hourly(hourly), list);
                });
    }

    private static List<PriceSlot> hourly(List<Double> prices) {
        Instant hour = NOW.minusSeconds(NOW.getEpochSecond() % 3600);
        List<PriceSlot> slots = new ArrayList<>();
        for (double price : prices) {
            slots.add(PriceSlot.importOnly(hour, hour.plusSeconds(3600), price));
            hour = hour.plusSeconds(3600);
        }
        return slots;
    }

    @Property(tries = 300)
    void aFeasiblePlanMeetsItsDeadlineAndEverySlotLiesBeforeIt(@ForAll("cases") Case c) {
        Map<String, PlanOutcome> plans = Planner.plan(NOW, c.site(), c.prices(), List.of(), c.demands(), ZONE);
        for (PlanDemand demand : c.demands()) {
            PlanOutcome outcome = plans.get(demand.evseId());
            for (PlannedSlot slot : outcome.slots()) {
                assertThat(slot.start()).isAfterOrEqualTo(NOW);
                assertThat(slot.end()).isBeforeOrEqualTo(demand.deadline());
                assertThat(slot.currentMilliamps()).isBetween(demand.minMilliamps(), demand.maxMilliamps());
            }
            if (outcome.feasible()) {
                assertThat(outcome.plannedWattHours()).isGreaterThanOrEqualTo(demand.energyWattHours() - 0.5);
            } else {
                assertThat(outcome.reason()).isNotEmpty();
            }
        }
    }

    @Property(tries = 300)
    void noPlanPutsTheSiteOverTheHouseConnectionThePowerLimitOrTheUnbalancedLoadLimit(@ForAll("cases") Case c) {
        Map<String, PlanOutcome> plans = Planner.plan(NOW, c.site(), c.prices(), List.of(), c.demands(), ZONE);
        Instant end = NOW.plus(Duration.ofHours(37));
        for (Instant t = NOW; t.isBefore(end); t = t.plus(Duration.ofMinutes(15))) {
            long[] evOnPhase = new long[3];
            double watts = 0;
            for (PlanDemand demand : c.demands()) {
                int milliamps = plans.get(demand.evseId()).milliampsAt(t);
                for (Phase phase : demand.gridPhases()) {
                    evOnPhase[phase.ordinal()] += milliamps;
                }
                watts += milliamps / 1000.0 * 230 * demand.gridPhases().size();
            }
            for (Phase phase : Phase.values()) {
                long used = evOnPhase[phase.ordinal()];
                if (used > 0) {
                    assertThat(used + c.site().baseLoad().get(phase)).as("%s at %s", phase, t)
                            .isLessThanOrEqualTo(c.site().houseLimit().get(phase));
                }
            }
            if (watts > 0) {
                assertThat(watts + c.site().basePowerWatts()).isLessThanOrEqualTo(c.site().powerLimitWatts() + 1e-6);
            }
            long spread = Math.max(evOnPhase[0], Math.max(evOnPhase[1], evOnPhase[2]))
                    - Math.min(evOnPhase[0], Math.min(evOnPhase[1], evOnPhase[2]));
            assertThat(spread).as("unbalanced load at %s", t).isLessThanOrEqualTo(c.site().unbalancedLoadLimitMilliamps());
        }
    }

    /** One plan alone: its energy costs on average no more than charging as soon as possible would. */
    @Property(tries = 300)
    void aPlanIsNeverDearerPerKilowattHourThanChargingAtOnce(@ForAll("cases") Case c) {
        PlanDemand demand = c.demands().get(0);
        PlanOutcome planned = Planner.plan(NOW, c.site(), c.prices(), List.of(), List.of(demand), ZONE)
                .get(demand.evseId());
        PlanOutcome atOnce = Planner.plan(NOW, c.site(), List.of(), List.of(), List.of(demand), ZONE).get(demand.evseId());
        if (planned.plannedWattHours() == 0 || !planned.feasible()) {
            return;
        }
        double atOnceCost = 0;
        for (PlannedSlot slot : atOnce.slots()) {
            PriceSlot price = c.prices().stream().filter(p -> p.contains(slot.start())).findFirst().orElseThrow();
            atOnceCost += slot.energyWattHours() / 1000 * price.importPricePerKilowattHour();
        }
        double tolerance = 0.60 * 2 * demand.maxMilliamps() / 1000.0 * 230 * 3 * 0.25 / 1000; // one slot at most
        assertThat(planned.expectedCost()).isLessThanOrEqualTo(atOnceCost
                * planned.plannedWattHours() / atOnce.plannedWattHours() + tolerance);
    }
}
