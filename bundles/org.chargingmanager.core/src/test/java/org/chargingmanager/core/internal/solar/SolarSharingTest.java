package org.chargingmanager.core.internal.solar;

import org.chargingmanager.api.evse.ChargingMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SolarSharingTest {

    private static final Instant NOON = Instant.parse("2026-06-21T10:00:00Z");
    private static final SolarSettings SETTINGS = new SolarSettings(Duration.ofSeconds(60), Duration.ofSeconds(180), 0, 230);

    private static SolarDemand pvOnly(String id, int phases, double drawnWatts) {
        return new SolarDemand(id, ChargingMode.PV_ONLY, 0, phases, 6000, 16_000, drawnWatts);
    }

    private static SolarDemand minPv(String id, int phases, double drawnWatts) {
        return new SolarDemand(id, ChargingMode.MIN_PV, 0, phases, 6000, 16_000, drawnWatts);
    }

    @Test
    void aPvOnlyCarStartsOnlyAfterTheSurplusHasCoveredItsMinimumForTheStartDelay() {
        // 5 kW fed in, a three-phase car needs 4.14 kW at 6 A
        SolarSharing.Result first = SolarSharing.share(-5000, List.of(pvOnly("car", 3, 0)), Map.of(), SETTINGS, NOON);
        assertThat(first.capMilliamps()).containsEntry("car", 0);
        assertThat(first.details().get("car")).isEqualTo("PV surplus enough: starts after 60 s");
        SolarSharing.Result waiting = SolarSharing.share(-5000, List.of(pvOnly("car", 3, 0)), first.states(), SETTINGS,
                NOON.plusSeconds(59));
        assertThat(waiting.capMilliamps()).containsEntry("car", 0);
        SolarSharing.Result started = SolarSharing.share(-5000, List.of(pvOnly("car", 3, 0)), waiting.states(), SETTINGS,
                NOON.plusSeconds(60));
        assertThat(started.capMilliamps()).containsEntry("car", 7246); // 5000 W / 690 W per A
        assertThat(started.states().get("car").charging()).isTrue();
    }

    @Test
    void aCloudKeepsTheMinimumForTheStopDelayThenStops() {
        Map<String, SolarState> charging = Map.of("car", new SolarState(true, null));
        // the car draws 4140 W and the house now imports 1000 W: surplus 3140 W < 4140 W
        SolarSharing.Result cloud = SolarSharing.share(1000, List.of(pvOnly("car", 3, 4140)), charging, SETTINGS, NOON);
        assertThat(cloud.capMilliamps()).containsEntry("car", 6000);
        assertThat(cloud.details().get("car")).isEqualTo("PV surplus too small: minimum for up to 180 s");
        SolarSharing.Result later = SolarSharing.share(1000, List.of(pvOnly("car", 3, 4140)), cloud.states(), SETTINGS,
                NOON.plusSeconds(179));
        assertThat(later.capMilliamps()).containsEntry("car", 6000);
        SolarSharing.Result sunAgain = SolarSharing.share(-500, List.of(pvOnly("car", 3, 4140)), later.states(), SETTINGS,
                NOON.plusSeconds(179));
        assertThat(sunAgain.states().get("car")).isEqualTo(new SolarState(true, null));
        SolarSharing.Result stillCloudy = SolarSharing.share(1000, List.of(pvOnly("car", 3, 4140)), later.states(),
                SETTINGS, NOON.plusSeconds(180));
        assertThat(stillCloudy.capMilliamps()).containsEntry("car", 0);
        assertThat(stillCloudy.details().get("car")).isEqualTo("PV surplus too small for the minimum: stopped");
    }

    @Test
    void withoutAGridReadingPvOnlyStopsAtOnceAndMinimumPlusPvKeepsItsMinimum() {
        Map<String, SolarState> charging = Map.of("pv", new SolarState(true, null));
        SolarSharing.Result result = SolarSharing.share(Double.NaN, List.of(pvOnly("pv", 3, 6000), minPv("min", 3, 6000)),
                charging, SETTINGS, NOON);
        assertThat(result.capMilliamps()).containsEntry("pv", 0).containsEntry("min", 6000);
        assertThat(result.details().get("pv")).isEqualTo("no grid reading: no PV surplus known");
    }

    /** A charging car draws 2760 W on one phase, the home battery charges with 2300 W and the grid is at zero. */
    @Test
    void theCarsTakeWhatTheHomeBatteryChargesWithUnlessTheBatteryComesFirst() {
        List<SolarDemand> car = List.of(minPv("a", 1, 2760));
        SolarSharing.Result carsFirst = SolarSharing.share(0, new HomeBattery(-2300, false), car, Map.of(), SETTINGS, NOON);
        assertThat(carsFirst.capMilliamps()).containsEntry("a", 16_000); // 5060 W / 230 V = 22 A, up to 16 A
        SolarSharing.Result batteryFirst = SolarSharing.share(0, new HomeBattery(-2300, true), car, Map.of(), SETTINGS, NOON);
        assertThat(batteryFirst.capMilliamps()).containsEntry("a", 12_000); // what it draws: 2760 W
    }

    @Test
    void aDischargingHomeBatteryIsNeverPvSurplus() {
        // the car draws 4140 W, the grid is at zero because the battery gives 1500 W: the sun covers only 2640 W
        Map<String, SolarState> charging = Map.of("car", new SolarState(true, null));
        SolarSharing.Result result = SolarSharing.share(0, new HomeBattery(1500, false), List.of(pvOnly("car", 3, 4140)),
                charging, SETTINGS, NOON);
        assertThat(result.details().get("car")).isEqualTo("PV surplus too small: minimum for up to 180 s");
        SolarSharing.Result withoutBattery = SolarSharing.share(0, List.of(pvOnly("car", 3, 4140)), charging, SETTINGS, NOON);
        assertThat(withoutBattery.details().get("car")).isEqualTo("PV surplus");
    }

    @Test
    void minimumPlusPvSharesTheSurplusAboveTheMinimums() {
        // two single-phase cars at 6 A each draw 2760 W; 2300 W more are fed in
        SolarSharing.Result result = SolarSharing.share(-2300,
                List.of(minPv("a", 1, 1380), minPv("b", 1, 1380)), Map.of(), SETTINGS, NOON);
        assertThat(result.capMilliamps()).containsEntry("a", 11_000).containsEntry("b", 11_000);
        assertThat(result.details().get("a")).isEqualTo("minimum + PV surplus");
        SolarSharing.Result night = SolarSharing.share(3000, List.of(minPv("a", 1, 1380)), Map.of(), SETTINGS, NOON);
        assertThat(night.capMilliamps()).containsEntry("a", 6000);
    }

    @Test
    void whenTheSurplusCoversOnlyOneMinimumTheChargingCarKeepsIt() {
        Map<String, SolarState> states = Map.of("b-charging", new SolarState(true, null));
        SolarSharing.Result result = SolarSharing.share(-1000,
                List.of(pvOnly("a-waiting", 3, 0), pvOnly("b-charging", 3, 4140)), states, SETTINGS, NOON);
        assertThat(result.capMilliamps()).containsEntry("b-charging", 7449).containsEntry("a-waiting", 0);
        assertThat(result.details().get("a-waiting")).isEqualTo("waiting for PV surplus");
    }

    @Test
    void theSurplusGoesToTheHigherPriorityFirstAndNoCarGetsMoreThanItsMaximum() {
        SolarDemand low = new SolarDemand("low", ChargingMode.PV_ONLY, 0, 1, 6000, 16_000, 0);
        SolarDemand high = new SolarDemand("high", ChargingMode.PV_ONLY, 5, 1, 6000, 10_000, 0);
        Map<String, SolarState> both = Map.of("low", new SolarState(true, null), "high", new SolarState(true, null));
        SolarSharing.Result result = SolarSharing.share(-2000, List.of(low, high), both, SETTINGS, NOON);
        assertThat(result.capMilliamps()).containsEntry("high", 8695).containsEntry("low", 6000);
        SolarSharing.Result sunny = SolarSharing.share(-20_000, List.of(low, high), both, SETTINGS, NOON);
        assertThat(sunny.capMilliamps()).containsEntry("high", 10_000).containsEntry("low", 16_000);
    }
}
