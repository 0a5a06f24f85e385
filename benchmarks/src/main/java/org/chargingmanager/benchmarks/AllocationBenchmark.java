package org.chargingmanager.benchmarks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.core.internal.allocation.AllocationSettings;
import org.chargingmanager.core.internal.allocation.Allocator;
import org.chargingmanager.core.internal.allocation.DemandStatus;
import org.chargingmanager.core.internal.allocation.EvseDemand;
import org.chargingmanager.core.internal.allocation.SiteSnapshot;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One allocation of a large site: mixed 1- and 3-phase charging points on rotated phases,
 * four priorities, some without a car, a house connection too small for all of them.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AllocationBenchmark {

    @Param({ "1000" })
    int chargingPoints;

    private SiteSnapshot site;

    @Setup
    public void buildSite() {
        Random random = new Random(42);
        List<List<Phase>> phaseSets = List.of(List.of(Phase.L1), List.of(Phase.L2), List.of(Phase.L3),
                List.of(Phase.L1, Phase.L2, Phase.L3), List.of(Phase.L2, Phase.L3, Phase.L1),
                List.of(Phase.L3, Phase.L1, Phase.L2));
        List<EvseDemand> demands = new ArrayList<>();
        for (int i = 0; i < chargingPoints; i++) {
            DemandStatus status = random.nextInt(10) == 0 ? DemandStatus.NO_VEHICLE : DemandStatus.WANTS_CHARGE;
            demands.add(new EvseDemand(String.format("evse-%04d", i), random.nextInt(4),
                    phaseSets.get(random.nextInt(phaseSets.size())), 6000, 16_000 + 1000 * random.nextInt(17),
                    LimitReason.EVSE_MAXIMUM, "", status, random.nextBoolean() ? 8000 : 0, null, null));
        }
        site = new SiteSnapshot(Instant.parse("2026-11-22T12:00:00Z"), PhaseCurrents.onPhases(3, 2_500_000),
                1_500_000, new PhaseCurrents(120_000, 80_000, 100_000), 69_000, 230, false, demands);
    }

    @Benchmark
    public Map<String, ChargingLimit> allocate() {
        return Allocator.allocate(site, AllocationSettings.NONE);
    }

    /** The same site with the unbalanced-load limit of 20 A between phases (two passes of the water level). */
    @Benchmark
    public Map<String, ChargingLimit> allocateWithUnbalancedLoadLimit() {
        return Allocator.allocate(site, UNBALANCED_20_A);
    }

    private static final AllocationSettings UNBALANCED_20_A = new AllocationSettings(java.time.Duration.ZERO,
            java.time.Duration.ZERO, 20_000);
}
