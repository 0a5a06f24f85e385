package org.chargingmanager.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.api.meter.MeterReading;
import org.junit.jupiter.api.Test;

class SimulatedMeterTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private static SimulatedConnector onePhaseWallbox(String id, PhaseRotation rotation, int amps) {
        SimulatedConnector connector = new SimulatedConnector(
                new EvseInfo(id, id, "simulator", id, 1, 1, rotation, 6000, 32000), T0);
        connector.plugIn(new SimulatedCar(32_000, 1, 60_000, 10));
        connector.applyLimit(new ChargingLimit(amps * 1000, LimitReason.HOUSE_LIMIT, ""));
        connector.tick(T0.plusSeconds(1));
        return connector;
    }

    @Test
    void gridMeterAddsBaseLoadAndEveryWallboxOnItsGridPhase() {
        SimulatedMeterConfig config = Configs.of(SimulatedMeterConfig.class,
                Map.of("baseLoadL1Watts", 230.0, "baseLoadL2Watts", 0.0, "baseLoadL3Watts", 0.0));
        List<org.chargingmanager.api.evse.Evse> wallboxes = List.of(
                onePhaseWallbox("a", PhaseRotation.L1_L2_L3, 10),
                onePhaseWallbox("b", PhaseRotation.L3_L1_L2, 16));

        MeterReading reading = SimulatedMeter.measure(config, T0, wallboxes, null);

        assertThat(reading.currents().l1Milliamps()).isEqualTo(11_000);
        assertThat(reading.currents().l2Milliamps()).isZero();
        assertThat(reading.currents().l3Milliamps()).isEqualTo(16_000);
        assertThat(reading.powerWatts()).isCloseTo(230 + 230 * 10 + 230 * 16, within(0.01));
    }

    @Test
    void energyRegisterGrowsWithPowerOverTime() {
        SimulatedMeterConfig config = Configs.of(SimulatedMeterConfig.class,
                Map.of("baseLoadL1Watts", 1000.0, "baseLoadL2Watts", 0.0, "baseLoadL3Watts", 0.0));
        MeterReading first = SimulatedMeter.measure(config, T0, List.of(), null);
        MeterReading second = SimulatedMeter.measure(config, T0.plusSeconds(3600), List.of(), first);
        assertThat(second.energyImportWattHours()).isCloseTo(1000, within(0.001));
    }
}
