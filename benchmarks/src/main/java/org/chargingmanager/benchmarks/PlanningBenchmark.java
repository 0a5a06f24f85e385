package org.chargingmanager.benchmarks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.plan.SolarSlot;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.core.internal.plan.PlanDemand;
import org.chargingmanager.core.internal.plan.PlanOutcome;
import org.chargingmanager.core.internal.plan.Planner;
import org.chargingmanager.core.internal.plan.PlanningSite;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Planning a car park: 50 charging points with plans (1- and 3-phase on rotated phases, three
 * priorities, deadlines from 8 to 36 hours, 5 to 60 kWh each) over a 36-hour day-ahead forecast
 * in 15-minute slots, a PV forecast by day, a house connection too small for all of them at
 * once, and the unbalanced-load limit of 20 A.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlanningBenchmark {

    private static final Instant NOW = Instant.parse("2026-12-06T17:07:00Z");

    @Param({ "50" })
    int chargingPoints;

    private PlanningSite site;
    private List<PriceSlot> prices;
    private List<SolarSlot> solar;
    private List<PlanDemand> demands;

    @Setup
    public void buildSite() {
        Random random = new Random(42);
        List<List<Phase>> phaseSets = List.of(List.of(Phase.L1), List.of(Phase.L2), List.of(Phase.L3),
                List.of(Phase.L1, Phase.L2, Phase.L3), List.of(Phase.L2, Phase.L3, Phase.L1),
                List.of(Phase.L3, Phase.L1, Phase.L2));
        demands = new ArrayList<>();
        for (int i = 0; i < chargingPoints; i++) {
            demands.add(new PlanDemand(String.format("evse-%02d", i), random.nextInt(3),
                    phaseSets.get(random.nextInt(phaseSets.size())), 6000, 16_000 + 16_000 * random.nextInt(2),
                    5_000 + random.nextInt(55_000), NOW.plus(Duration.ofMinutes(8 * 60 + random.nextInt(28 * 60)))));
        }
        prices = new ArrayList<>();
        solar = new ArrayList<>();
        Instant slot = NOW.minusSeconds(NOW.getEpochSecond() % 900);
        for (int i = 0; i < 36 * 4; i++) {
            Instant end = slot.plus(Duration.ofMinutes(15));
            prices.add(PriceSlot.importOnly(slot, end, 0.10 + random.nextDouble() * 0.30));
            int hour = slot.atZone(ZoneId.of("Europe/Berlin")).getHour();
            solar.add(new SolarSlot(slot, end, hour >= 9 && hour < 16 ? 30_000 : 0));
            slot = end;
        }
        site = new PlanningSite(PhaseCurrents.onPhases(3, 250_000), 150_000, new PhaseCurrents(40_000, 30_000, 35_000),
                24_000, 230, 20_000);
    }

    @Benchmark
    public Map<String, PlanOutcome> plan() {
        return Planner.plan(NOW, site, prices, solar, demands, ZoneId.of("Europe/Berlin"));
    }
}
