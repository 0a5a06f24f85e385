package org.chargingmanager.core.internal.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.core.internal.allocation.AllocationSettings;
import org.chargingmanager.core.internal.allocation.Allocator;
import org.chargingmanager.core.internal.allocation.DemandStatus;
import org.chargingmanager.core.internal.allocation.EvseDemand;
import org.chargingmanager.core.internal.allocation.SiteSnapshot;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The site model over random sites whose truth is known: a house load per phase, charging points
 * drawing some current, and a grid meter that sees some of them. The allocation that follows
 * never lets the real current exceed the fuse, except by what a meter that misses charging points
 * cannot show.
 */
class SiteModelPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final List<List<Phase>> PHASE_SETS = List.of(List.of(Phase.L1), List.of(Phase.L2),
            List.of(Phase.L3), List.of(Phase.L1, Phase.L2, Phase.L3), List.of(Phase.L2, Phase.L3, Phase.L1));

    /** One charging point as it really is. */
    record TrueEvse(List<Phase> phases, int drawnMilliamps, boolean seenByMeter) {
    }

    /** A site as it really is. */
    record TrueSite(int fuseMilliamps, int fallbackMilliamps, PhaseCurrents house, List<TrueEvse> evses) {

        PhaseCurrents evseCurrents(boolean onlySeen, boolean onlyUnseen) {
            int[] sum = new int[3];
            for (TrueEvse evse : evses) {
                if ((onlySeen && !evse.seenByMeter()) || (onlyUnseen && evse.seenByMeter())) {
                    continue;
                }
                for (Phase phase : evse.phases()) {
                    sum[phase.ordinal()] += evse.drawnMilliamps();
                }
            }
            return new PhaseCurrents(sum[0], sum[1], sum[2]);
        }

        SiteReadings readings() {
            PhaseCurrents grid = house.plus(evseCurrents(true, false));
            PhaseCurrents reported = evseCurrents(false, false);
            List<EvseDemand> demands = new ArrayList<>();
            for (int i = 0; i < evses.size(); i++) {
                TrueEvse evse = evses.get(i);
                demands.add(new EvseDemand("evse-" + i, 0, evse.phases(), 6000, 32_000, LimitReason.EVSE_MAXIMUM, "",
                        DemandStatus.WANTS_CHARGE, evse.drawnMilliamps(), null, null));
            }
            return new SiteReadings(NOW, fuseMilliamps / 1000.0, Double.POSITIVE_INFINITY, fallbackMilliamps,
                    new SiteReadings.GridReading(grid, watts(grid), NOW), PhaseCurrents.ZERO,
                    new SiteReadings.EvseLoad(reported, watts(reported), NOW), SiteReadings.EvseLoad.NONE, 230,
                    demands);
        }
    }

    @Provide
    Arbitrary<TrueSite> sites() {
        Arbitrary<TrueEvse> evse = Combinators.combine(Arbitraries.of(PHASE_SETS),
                Arbitraries.integers().between(0, 32_000), Arbitraries.of(true, true, false))
                .as(TrueEvse::new);
        Arbitrary<Integer> phaseLoad = Arbitraries.integers().between(0, 40_000);
        return Combinators.combine(Arbitraries.integers().between(16_000, 100_000),
                Arbitraries.integers().between(0, 16_000),
                Combinators.combine(phaseLoad, phaseLoad, phaseLoad).as(PhaseCurrents::new),
                evse.list().ofMaxSize(30))
                .as(TrueSite::new);
    }

    @Property(tries = 3000)
    void aMeterThatSeesEveryChargingPointKeepsTheRealCurrentWithinTheFuse(@ForAll("sites") TrueSite random) {
        List<TrueEvse> allSeen = random.evses().stream()
                .map(e -> new TrueEvse(e.phases(), e.drawnMilliamps(), true)).toList();
        TrueSite site = new TrueSite(random.fuseMilliamps(), random.fallbackMilliamps(), random.house(), allSeen);

        SiteModel.Result result = SiteModel.build(site.readings());

        assertThat(result.fallbackReason()).isEmpty();
        assertThat(result.site().baseLoad()).isEqualTo(site.house());
        PhaseCurrents real = site.house().plus(allocated(result.site()));
        for (Phase phase : Phase.values()) {
            if (site.house().get(phase) <= site.fuseMilliamps()) {
                assertThat(real.get(phase)).as("real current on " + phase).isLessThanOrEqualTo(site.fuseMilliamps());
            }
        }
    }

    @Property(tries = 3000)
    void aMeterThatMissesChargingPointsFallsBackOrIsWrongByNoMoreThanItCannotShow(@ForAll("sites") TrueSite site) {
        SiteModel.Result result = SiteModel.build(site.readings());
        PhaseCurrents allocated = allocated(result.site());
        PhaseCurrents unseen = site.evseCurrents(false, true);
        PhaseCurrents reported = site.evseCurrents(false, false);

        if (result.site().fallback()) {
            for (Phase phase : Phase.values()) {
                assertThat(allocated.get(phase)).as("safe budget on " + phase).isLessThanOrEqualTo(site.fallbackMilliamps());
            }
            return;
        }
        for (Phase phase : Phase.values()) {
            // the reading did not contradict: what the meter misses is at most the house load plus the tolerance
            assertThat((long) unseen.get(phase)).as("missed current on " + phase).isLessThanOrEqualTo(
                    site.house().get(phase) + SiteModel.contradictionToleranceMilliamps(reported.get(phase)));
            if (site.house().get(phase) <= site.fuseMilliamps()) {
                assertThat((long) site.house().get(phase) + allocated.get(phase)).as("real current on " + phase)
                        .isLessThanOrEqualTo((long) site.fuseMilliamps() + unseen.get(phase));
            }
        }
    }

    @Property(tries = 3000)
    void theHousesOwnLoadIsNeverBelowMinusWhatProducersCanFeedIn(
            @ForAll @IntRange(min = -60_000, max = 100_000) int grid, @ForAll @IntRange(min = 0, max = 100_000) int evse,
            @ForAll @IntRange(min = 0, max = 30_000) int producer) {
        PhaseCurrents gridCurrents = new PhaseCurrents(grid, grid / 2, 0);
        SiteReadings readings = new SiteReadings(NOW, 63, Double.POSITIVE_INFINITY, 6000,
                new SiteReadings.GridReading(gridCurrents, watts(gridCurrents), NOW),
                PhaseCurrents.onPhases(3, producer),
                new SiteReadings.EvseLoad(PhaseCurrents.onPhases(3, evse), evse * 3 * 0.23, NOW),
                SiteReadings.EvseLoad.NONE, 230, List.of());

        SiteModel.Result result = SiteModel.build(readings);

        if (!result.site().fallback()) {
            for (Phase phase : Phase.values()) {
                assertThat(result.site().baseLoad().get(phase)).isGreaterThanOrEqualTo(-producer);
            }
            assertThat(result.site().basePowerWatts()).isGreaterThanOrEqualTo(-producer * 3 * 0.23 - 1e-6);
        }
    }

    @Property(tries = 500)
    void aGridReadingOlderThanTheChargingPointsGivesTheSafeBudget(@ForAll("sites") TrueSite site,
            @ForAll @IntRange(min = 6, max = 600) int secondsOlder) {
        SiteReadings fresh = site.readings();
        SiteReadings old = new SiteReadings(NOW, fresh.houseLimitAmps(), fresh.powerLimitWatts(),
                fresh.fallbackMilliamps(), new SiteReadings.GridReading(fresh.grid().currents(),
                        fresh.grid().powerWatts(), NOW.minusSeconds(secondsOlder)),
                fresh.producerAllowance(), fresh.answering(), fresh.staleReserve(), fresh.volts(), fresh.demands());

        SiteModel.Result result = SiteModel.build(old);

        assertThat(result.site().fallback()).isTrue();
        assertThat(result.fallbackReason()).isNotEmpty();
        assertThat(result.site().houseLimit()).isEqualTo(PhaseCurrents.onPhases(3, site.fallbackMilliamps()));
    }

    private static PhaseCurrents allocated(SiteSnapshot site) {
        Map<String, ChargingLimit> limits = Allocator.allocate(site, AllocationSettings.NONE);
        int[] sum = new int[3];
        for (EvseDemand demand : site.demands()) {
            for (Phase phase : demand.gridPhases()) {
                sum[phase.ordinal()] += limits.get(demand.id()).currentMilliamps();
            }
        }
        return new PhaseCurrents(sum[0], sum[1], sum[2]);
    }

    private static double watts(PhaseCurrents currents) {
        return (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * 0.23;
    }
}
