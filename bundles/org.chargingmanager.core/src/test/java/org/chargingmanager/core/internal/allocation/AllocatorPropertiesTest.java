package org.chargingmanager.core.internal.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Properties of the allocation over random sites. */
class AllocatorPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final List<List<Phase>> PHASE_SETS = List.of(List.of(Phase.L1), List.of(Phase.L2),
            List.of(Phase.L3), List.of(Phase.L1, Phase.L2, Phase.L3), List.of(Phase.L2, Phase.L3, Phase.L1));

    @Provide
    Arbitrary<SiteSnapshot> sites() {
        Arbitrary<EvseDemand> demand = Combinators.combine(
                Arbitraries.integers().between(0, 3),
                Arbitraries.of(PHASE_SETS),
                Arbitraries.integers().between(1000, 10_000),
                Arbitraries.integers().between(0, 40_000),
                Arbitraries.of(DemandStatus.class),
                Arbitraries.integers().between(0, 32_000))
                .as((priority, phases, minimum, maximum, status, previous) -> new EvseDemand("x", priority, phases,
                        minimum, maximum, LimitReason.EVSE_MAXIMUM, "", status, previous, null, null));
        Arbitrary<List<EvseDemand>> demands = demand.list().ofMaxSize(40).map(list -> {
            List<EvseDemand> named = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                EvseDemand d = list.get(i);
                named.add(new EvseDemand("evse-" + i, d.priority(), d.gridPhases(), d.minMilliamps(), d.maxMilliamps(),
                        d.maxReason(), d.maxDetail(), d.status(), d.previousLimitMilliamps(), null, null));
            }
            return named;
        });
        Arbitrary<PhaseCurrents> currents = Combinators.combine(Arbitraries.integers().between(-20_000, 100_000),
                Arbitraries.integers().between(-20_000, 100_000), Arbitraries.integers().between(-20_000, 100_000))
                .as(PhaseCurrents::new);
        Arbitrary<Double> powerLimit = Arbitraries.oneOf(Arbitraries.just(Double.POSITIVE_INFINITY),
                Arbitraries.doubles().between(0, 200_000));
        return Combinators.combine(currents, currents, powerLimit, demands)
                .as((limit, base, power, list) -> new SiteSnapshot(NOW,
                        new PhaseCurrents(Math.abs(limit.l1Milliamps()), Math.abs(limit.l2Milliamps()),
                                Math.abs(limit.l3Milliamps())),
                        power, base, (base.l1Milliamps() + base.l2Milliamps() + base.l3Milliamps()) * 230 / 1000.0,
                        230, false, list));
    }

    @Property(tries = 2000)
    void everyPhaseStaysWithinItsLimitWheneverTheBaseLoadDoes(@ForAll("sites") SiteSnapshot site) {
        Map<String, ChargingLimit> limits = Allocator.allocate(site, AllocationSettings.NONE);
        long[] load = { site.baseLoad().l1Milliamps(), site.baseLoad().l2Milliamps(), site.baseLoad().l3Milliamps() };
        double power = site.basePowerWatts();
        for (EvseDemand demand : site.demands()) {
            int current = limits.get(demand.id()).currentMilliamps();
            for (Phase phase : demand.gridPhases()) {
                load[phase.ordinal()] += current;
            }
            power += current * demand.gridPhases().size() * site.volts() / 1000;
        }
        for (Phase phase : Phase.values()) {
            if (site.baseLoad().get(phase) <= site.houseLimit().get(phase)) {
                assertThat(load[phase.ordinal()]).as("load on " + phase).isLessThanOrEqualTo(site.houseLimit().get(phase));
            }
        }
        if (site.basePowerWatts() <= site.powerLimitWatts()) {
            assertThat(power).isLessThanOrEqualTo(site.powerLimitWatts() + 1e-6);
        }
    }

    @Property(tries = 2000)
    void noChargingPointGetsACurrentBetweenZeroAndItsMinimumOrAboveItsMaximum(@ForAll("sites") SiteSnapshot site) {
        Map<String, ChargingLimit> limits = Allocator.allocate(site, AllocationSettings.NONE);
        assertThat(limits).hasSize(site.demands().size());
        for (EvseDemand demand : site.demands()) {
            int current = limits.get(demand.id()).currentMilliamps();
            assertThat(current == 0 || current >= demand.minMilliamps()).as(demand.id() + " got " + current).isTrue();
            assertThat(current).isLessThanOrEqualTo(Math.max(0, demand.maxMilliamps()));
            if (demand.status() != DemandStatus.WANTS_CHARGE) {
                assertThat(current).isZero();
            }
        }
    }

    @Property(tries = 1000)
    void higherPriorityIsNeverLeftWithoutItsMinimumWhileItWouldFit(@ForAll("sites") SiteSnapshot site) {
        Map<String, ChargingLimit> limits = Allocator.allocate(site, AllocationSettings.NONE);
        for (EvseDemand waiting : site.demands()) {
            if (waiting.status() != DemandStatus.WANTS_CHARGE || waiting.maxMilliamps() < waiting.minMilliamps()
                    || waiting.maxMilliamps() <= 0 || limits.get(waiting.id()).currentMilliamps() > 0) {
                continue;
            }
            // what the charging points of at least this priority use, except the minimum-only rest
            long[] load = { site.baseLoad().l1Milliamps(), site.baseLoad().l2Milliamps(), site.baseLoad().l3Milliamps() };
            double power = site.basePowerWatts();
            for (EvseDemand other : site.demands()) {
                int current = limits.get(other.id()).currentMilliamps();
                if (other.priority() >= waiting.priority() && current > 0) {
                    int counted = other.priority() == waiting.priority() ? other.minMilliamps() : current;
                    for (Phase phase : other.gridPhases()) {
                        load[phase.ordinal()] += counted;
                    }
                    power += counted * other.gridPhases().size() * site.volts() / 1000;
                }
            }
            boolean fits = power + waiting.minMilliamps() * waiting.gridPhases().size() * site.volts() / 1000
                    <= site.powerLimitWatts() - 1e-6;
            for (Phase phase : waiting.gridPhases()) {
                fits &= load[phase.ordinal()] + waiting.minMilliamps() <= site.houseLimit().get(phase);
            }
            assertThat(fits).as(waiting.id() + " (priority " + waiting.priority()
                    + ") got nothing although its minimum fits beside those of higher or equal priority").isFalse();
        }
    }

    @Property(tries = 2000)
    void theChargingPointsTogetherNeverLoadOnePhaseMoreThanTheUnbalancedLoadLimitAboveAnother(
            @ForAll("sites") SiteSnapshot site, @ForAll @IntRange(min = 0, max = 40_000) int unbalanceMilliamps) {
        AllocationSettings settings = new AllocationSettings(Duration.ZERO, Duration.ZERO, unbalanceMilliamps);
        Map<String, ChargingLimit> limits = Allocator.allocate(site, settings);
        long[] charging = new long[3];
        long[] load = { site.baseLoad().l1Milliamps(), site.baseLoad().l2Milliamps(), site.baseLoad().l3Milliamps() };
        for (EvseDemand demand : site.demands()) {
            int current = limits.get(demand.id()).currentMilliamps();
            assertThat(current == 0 || current >= demand.minMilliamps()).isTrue();
            for (Phase phase : demand.gridPhases()) {
                charging[phase.ordinal()] += current;
                load[phase.ordinal()] += current;
            }
        }
        long highest = Math.max(charging[0], Math.max(charging[1], charging[2]));
        long lowest = Math.min(charging[0], Math.min(charging[1], charging[2]));
        assertThat(highest - lowest).as("unbalance of " + java.util.Arrays.toString(charging))
                .isLessThanOrEqualTo(unbalanceMilliamps);
        for (Phase phase : Phase.values()) {
            if (site.baseLoad().get(phase) <= site.houseLimit().get(phase)) {
                assertThat(load[phase.ordinal()]).isLessThanOrEqualTo(site.houseLimit().get(phase));
            }
        }
    }

    @Property(tries = 500)
    void aGenerousUnbalancedLoadLimitChangesNothingForThreePhaseCars(@ForAll("sites") SiteSnapshot site) {
        List<EvseDemand> threePhase = site.demands().stream().filter(demand -> demand.gridPhases().size() == 3).toList();
        SiteSnapshot balanced = new SiteSnapshot(site.now(), site.houseLimit(), site.powerLimitWatts(), site.baseLoad(),
                site.basePowerWatts(), site.volts(), site.fallback(), threePhase);
        assertThat(Allocator.allocate(balanced, new AllocationSettings(Duration.ZERO, Duration.ZERO, 0)))
                .isEqualTo(Allocator.allocate(balanced, AllocationSettings.NONE));
    }

    @Property(tries = 500)
    void resultIsDeterministicAndIndependentOfTheOrderOfDemands(@ForAll("sites") SiteSnapshot site) {
        Map<String, ChargingLimit> first = Allocator.allocate(site, AllocationSettings.NONE);
        List<EvseDemand> shuffled = new ArrayList<>(site.demands());
        Collections.shuffle(shuffled, new Random(site.demands().size()));
        SiteSnapshot reordered = new SiteSnapshot(site.now(), site.houseLimit(), site.powerLimitWatts(),
                site.baseLoad(), site.basePowerWatts(), site.volts(), site.fallback(), shuffled);
        assertThat(Allocator.allocate(reordered, AllocationSettings.NONE)).isEqualTo(first);
        assertThat(Allocator.allocate(site, AllocationSettings.NONE)).isEqualTo(first);
    }
}
