package org.chargingmanager.core.internal.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final List<Phase> THREE = List.of(Phase.L1, Phase.L2, Phase.L3);

    static EvseDemand demand(String id, int priority, List<Phase> phases, int minAmps, int maxAmps) {
        return new EvseDemand(id, priority, phases, minAmps * 1000, maxAmps * 1000, LimitReason.EVSE_MAXIMUM, "",
                DemandStatus.WANTS_CHARGE, 0, null, null);
    }

    static SiteSnapshot site(int limitAmps, PhaseCurrents baseLoad, double powerLimitWatts, EvseDemand... demands) {
        return new SiteSnapshot(NOW, PhaseCurrents.onPhases(3, limitAmps * 1000), powerLimitWatts, baseLoad,
                (baseLoad.l1Milliamps() + baseLoad.l2Milliamps() + baseLoad.l3Milliamps()) * 230 / 1000.0, 230, false,
                List.of(demands));
    }

    @Test
    void everyCarGetsItsMaximumWhenThereIsRoom() {
        Map<String, ChargingLimit> limits = Allocator.allocate(
                site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, demand("a", 0, THREE, 6, 16),
                        demand("b", 0, THREE, 6, 32)),
                AllocationSettings.NONE);
        assertThat(limits.get("a")).isEqualTo(new ChargingLimit(16_000, LimitReason.EVSE_MAXIMUM, ""));
        assertThat(limits.get("b").currentMilliamps()).isEqualTo(32_000);
    }

    @Test
    void equalPriorityShareFairly() {
        Map<String, ChargingLimit> limits = Allocator.allocate(
                site(32, new PhaseCurrents(2000, 2000, 2000), Double.POSITIVE_INFINITY,
                        demand("a", 0, THREE, 6, 32), demand("b", 0, THREE, 6, 32)),
                AllocationSettings.NONE);
        assertThat(limits.get("a").currentMilliamps()).isEqualTo(15_000);
        assertThat(limits.get("b").currentMilliamps()).isEqualTo(15_000);
        assertThat(limits.get("a").reason()).isEqualTo(LimitReason.HOUSE_LIMIT);
    }

    @Test
    void demoSiteAtAvail20StaysWithin11kW() {
        double basePower = 600 + 400 + 300;
        SiteSnapshot site = new SiteSnapshot(NOW, PhaseCurrents.onPhases(3, Integer.MAX_VALUE), 11_000,
                new PhaseCurrents(2609, 1739, 1304), basePower, 230, false,
                List.of(demand("demo1-1", 0, THREE, 6, 16), demand("demo2-1", 0, THREE, 6, 16)));
        Map<String, ChargingLimit> limits = Allocator.allocate(site, AllocationSettings.NONE);
        int total = limits.values().stream().mapToInt(ChargingLimit::currentMilliamps).sum();
        assertThat(basePower + total * 3 * 230 / 1000.0).isLessThanOrEqualTo(11_000);
        assertThat(limits.get("demo1-1").currentMilliamps()).isEqualTo(limits.get("demo2-1").currentMilliamps())
                .isGreaterThanOrEqualTo(6000);
    }

    @Test
    void higherPriorityGetsItsMinimumFirst() {
        Map<String, ChargingLimit> limits = Allocator.allocate(
                site(10, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, demand("low", 0, THREE, 6, 16),
                        demand("high", 5, THREE, 6, 16)),
                AllocationSettings.NONE);
        assertThat(limits.get("high").currentMilliamps()).isEqualTo(10_000);
        assertThat(limits.get("low")).isEqualTo(
                new ChargingLimit(0, LimitReason.HOUSE_LIMIT, "not enough for the minimum current"));
    }

    @Test
    void onePhaseWallboxesOnDifferentPhasesDoNotBlockEachOther() {
        Map<String, ChargingLimit> limits = Allocator.allocate(
                site(20, new PhaseCurrents(10_000, 0, 0), Double.POSITIVE_INFINITY,
                        demand("onL1", 0, List.of(Phase.L1), 6, 32), demand("onL2", 0, List.of(Phase.L2), 6, 32)),
                AllocationSettings.NONE);
        assertThat(limits.get("onL1").currentMilliamps()).isEqualTo(10_000);
        assertThat(limits.get("onL2").currentMilliamps()).isEqualTo(20_000);
    }

    @Test
    void overloadedPhaseLeavesItsCarsAtZeroNeverBetweenZeroAndMinimum() {
        Map<String, ChargingLimit> limits = Allocator.allocate(
                site(16, new PhaseCurrents(12_000, 0, 0), Double.POSITIVE_INFINITY, demand("a", 0, THREE, 6, 16)),
                AllocationSettings.NONE);
        assertThat(limits.get("a").currentMilliamps()).isZero();
    }

    @Test
    void carsWithoutVehicleStaleOrDisabledGetZeroWithTheirReason() {
        EvseDemand noCar = new EvseDemand("nocar", 0, THREE, 6000, 16_000, LimitReason.EVSE_MAXIMUM, "",
                DemandStatus.NO_VEHICLE, 0, null, null);
        EvseDemand stale = new EvseDemand("stale", 0, THREE, 6000, 16_000, LimitReason.EVSE_MAXIMUM, "",
                DemandStatus.STALE, 16_000, null, null);
        EvseDemand ruled = new EvseDemand("ruled", 0, THREE, 6000, 0, LimitReason.RULE, "high tariff",
                DemandStatus.WANTS_CHARGE, 0, null, null);
        Map<String, ChargingLimit> limits = Allocator.allocate(
                site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, noCar, stale, ruled), AllocationSettings.NONE);
        assertThat(limits.get("nocar").reason()).isEqualTo(LimitReason.NOT_ALLOCATED);
        assertThat(limits.get("stale").reason()).isEqualTo(LimitReason.FALLBACK);
        assertThat(limits.get("ruled")).isEqualTo(new ChargingLimit(0, LimitReason.RULE, "high tariff"));
    }

    @Test
    void recentlyPausedCarWaitsForTheMinimumPause() {
        AllocationSettings settings = new AllocationSettings(Duration.ofSeconds(60), Duration.ZERO);
        EvseDemand paused = new EvseDemand("a", 0, THREE, 6000, 16_000, LimitReason.EVSE_MAXIMUM, "",
                DemandStatus.WANTS_CHARGE, 0, NOW.minusSeconds(30), null);
        assertThat(Allocator.allocate(site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, paused), settings)
                .get("a").reason()).isEqualTo(LimitReason.HYSTERESIS);
        EvseDemand pausedLongAgo = new EvseDemand("a", 0, THREE, 6000, 16_000, LimitReason.EVSE_MAXIMUM, "",
                DemandStatus.WANTS_CHARGE, 0, NOW.minusSeconds(61), null);
        assertThat(Allocator.allocate(site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, pausedLongAgo), settings)
                .get("a").currentMilliamps()).isEqualTo(16_000);
    }

    @Test
    void chargingCarKeepsItsMinimumBeforeAWaitingOneOfEqualPriority() {
        EvseDemand charging = new EvseDemand("z-charging", 0, THREE, 6000, 16_000, LimitReason.EVSE_MAXIMUM, "",
                DemandStatus.WANTS_CHARGE, 8000, null, NOW.minusSeconds(10));
        EvseDemand waiting = demand("a-waiting", 0, THREE, 6, 16);
        Map<String, ChargingLimit> limits = Allocator.allocate(
                site(8, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, charging, waiting), AllocationSettings.NONE);
        assertThat(limits.get("z-charging").currentMilliamps()).isEqualTo(8000);
        assertThat(limits.get("a-waiting").currentMilliamps()).isZero();
    }

    @Test
    void fallbackShortageIsReportedAsFallback() {
        SiteSnapshot site = new SiteSnapshot(NOW, PhaseCurrents.onPhases(3, 6000), Double.POSITIVE_INFINITY,
                PhaseCurrents.ZERO, 0, 230, true, List.of(demand("a", 0, THREE, 6, 16)));
        assertThat(Allocator.allocate(site, AllocationSettings.NONE).get("a"))
                .isEqualTo(new ChargingLimit(6000, LimitReason.FALLBACK, ""));
    }

    static final AllocationSettings UNBALANCE_20_A = new AllocationSettings(Duration.ZERO, Duration.ZERO, 20_000);

    @Test
    void aSinglePhaseCarAloneGetsNoMoreThanTheUnbalancedLoadLimit() {
        ChargingLimit limit = Allocator.allocate(
                site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, demand("single", 0, List.of(Phase.L2), 6, 32)),
                UNBALANCE_20_A).get("single");
        assertThat(limit).isEqualTo(new ChargingLimit(20_000, LimitReason.HOUSE_LIMIT,
                "unbalanced-load limit: at most 20 A between phases"));
        assertThat(Allocator.allocate(
                site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, demand("single", 0, List.of(Phase.L2), 6, 32)),
                AllocationSettings.NONE).get("single").currentMilliamps()).isEqualTo(32_000);
    }

    @Test
    void threePhaseCarsAreNotHeldBackByTheUnbalancedLoadLimit() {
        Map<String, ChargingLimit> limits = Allocator.allocate(
                site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, demand("single", 0, List.of(Phase.L1), 6, 32),
                        demand("three", 0, THREE, 6, 32)),
                UNBALANCE_20_A);
        assertThat(limits.get("single").currentMilliamps()).isEqualTo(20_000);
        assertThat(limits.get("three").currentMilliamps()).isEqualTo(32_000);
    }

    @Test
    void singlePhaseCarsOnDifferentPhasesBalanceEachOtherOut() {
        // L1 and L2 at 32 A each would leave L3 at 0: the limit allows only 20 A until a car on L3 comes
        Map<String, ChargingLimit> two = Allocator.allocate(
                site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, demand("a", 0, List.of(Phase.L1), 6, 32),
                        demand("b", 0, List.of(Phase.L2), 6, 32)),
                UNBALANCE_20_A);
        assertThat(two.get("a").currentMilliamps()).isEqualTo(20_000);
        assertThat(two.get("b").currentMilliamps()).isEqualTo(20_000);
        Map<String, ChargingLimit> three = Allocator.allocate(
                site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, demand("a", 0, List.of(Phase.L1), 6, 32),
                        demand("b", 0, List.of(Phase.L2), 6, 32), demand("c", 0, List.of(Phase.L3), 6, 16)),
                UNBALANCE_20_A);
        assertThat(three.get("c").currentMilliamps()).isEqualTo(16_000);
        assertThat(three.get("a").currentMilliamps()).isEqualTo(32_000);
        assertThat(three.get("b").currentMilliamps()).isEqualTo(32_000);
    }

    @Test
    void aCarHeldBackByTheLimitRisesAgainOnceLowerPrioritiesHaveLoadedTheOtherPhases() {
        // priority 1 on L1 is shared out first (26 A: 20 A above the minimums of the others on L2 and L3);
        // then L2 rises to 30 A (20 A above L3's car, which takes only 10 A), and L1 follows to 30 A
        Map<String, ChargingLimit> limits = Allocator.allocate(
                site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, demand("first", 1, List.of(Phase.L1), 6, 32),
                        demand("second", 0, List.of(Phase.L2), 6, 32), demand("third", 0, List.of(Phase.L3), 6, 10)),
                UNBALANCE_20_A);
        assertThat(limits.get("first").currentMilliamps()).isEqualTo(30_000);
        assertThat(limits.get("second").currentMilliamps()).isEqualTo(30_000);
        assertThat(limits.get("third")).isEqualTo(new ChargingLimit(10_000, LimitReason.EVSE_MAXIMUM, ""));
        assertThat(limits.get("first").detail()).isEqualTo("unbalanced-load limit: at most 20 A between phases");
    }

    @Test
    void aMinimumThatWouldBreakTheLimitIsNotGranted() {
        AllocationSettings tight = new AllocationSettings(Duration.ZERO, Duration.ZERO, 5_000);
        ChargingLimit limit = Allocator.allocate(
                site(63, PhaseCurrents.ZERO, Double.POSITIVE_INFINITY, demand("single", 0, List.of(Phase.L3), 6, 32)),
                tight).get("single");
        assertThat(limit.currentMilliamps()).isZero();
        assertThat(limit.detail()).contains("unbalanced-load limit: at most 5 A between phases");
    }
}
