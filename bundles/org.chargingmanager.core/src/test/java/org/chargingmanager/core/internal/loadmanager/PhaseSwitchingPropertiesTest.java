package org.chargingmanager.core.internal.loadmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseCapabilities;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.core.internal.Configs;
import org.chargingmanager.core.internal.variables.LiveValues;
import org.chargingmanager.core.internal.variables.VariableStore;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.devices.FakeEvse;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Phase switching through the real load manager over random PV and house-load curves. */
class PhaseSwitchingPropertiesTest {

    private static final int INTERVAL_SECONDS = 300;

    @Provide
    Arbitrary<List<Integer>> feedInSteps() {
        // the grid current per phase without the car, every 30 s for an hour: -25 A (sun) .. +10 A (cooker)
        return Arbitraries.integers().between(-25_000, 10_000).list().ofSize(120);
    }

    @Provide
    Arbitrary<String> modes() {
        return Arbitraries.of("FAST", "MIN_PV", "PV_ONLY");
    }

    @Property(tries = 30)
    void aChargingPointNeverSwitchesPhasesMoreOftenThanTheMinimumInterval(@ForAll("feedInSteps") List<Integer> steps,
            @ForAll("modes") String mode) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-21T09:00:00Z"));
        FakeSite site = new FakeSite(clock);
        FakeEvse car = new FakeEvse(new EvseInfo("carport-1", "carport", "fake", "carport", 1, 3, PhaseRotation.L1_L2_L3,
                6000, 16_000, DeviceIdentity.UNKNOWN, new EvseCapabilities(true, 100, false, false, false)), clock)
                .carFollowsLimit(32_000);
        site.evses.add(car);
        Path directory = Files.createTempDirectory("phase-switching");
        VariableStore variables = new VariableStore(new LiveValues(clock), directory.resolve("variables.txt"));
        LoadManager manager = new LoadManager(variables, Configs.of(LoadManagerConfig.class,
                Map.of("houseConnectionCurrentAmps", "20", "unmeteredFeedInAmps", 40.0,
                        "phaseSwitchIntervalSeconds", INTERVAL_SECONDS, "solarStartDelaySeconds", 10,
                        "solarStopDelaySeconds", 30)), clock);
        manager.addEvse(car);
        manager.addMeter(site.gridMeter());
        manager.addSettings(new EvseSettings(Configs.of(EvseSettingsConfig.class,
                Map.of("evseId", "carport-1", "chargingMode", mode))));

        Instant lastSwitch = null;
        int phases = 3;
        for (int step : steps) {
            site.baseLoad = PhaseCurrents.onPhases(3, step);
            for (int second = 0; second < 30; second += 5) {
                clock.advance(Duration.ofSeconds(5));
                manager.cycle();
                ChargingLimit limit = car.limit();
                int now = limit.phases() == 0 ? phases : limit.phases();
                if (now != phases) {
                    if (lastSwitch != null) {
                        assertThat(Duration.between(lastSwitch, clock.instant()))
                                .isGreaterThanOrEqualTo(Duration.ofSeconds(INTERVAL_SECONDS));
                    }
                    lastSwitch = clock.instant();
                    phases = now;
                }
                assertThat(site.gridCurrents().maxMilliamps()).as("the fuse holds")
                        .isLessThanOrEqualTo(Math.max(20_000, step));
            }
        }
    }
}
