package org.chargingmanager.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.junit.jupiter.api.Test;

class SimulatedConnectorTest {

    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final SimulatedConnector connector = new SimulatedConnector(
            new EvseInfo("sim-1", "Garage", "simulator", "sim", 1, 3, PhaseRotation.L1_L2_L3, 6000, 16000), T0);

    private static ChargingLimit amps(int amps) {
        return new ChargingLimit(amps * 1000, LimitReason.HOUSE_LIMIT, "");
    }

    @Test
    void withoutCarTheConnectorIsAvailableAndDrawsNothing() {
        connector.applyLimit(amps(16));
        connector.tick(T0.plusSeconds(1));
        EvseSnapshot snapshot = connector.snapshot();
        assertThat(snapshot.state()).isEqualTo(EvseState.AVAILABLE);
        assertThat(snapshot.powerWatts()).isZero();
        assertThat(snapshot.measuredAt()).isEqualTo(T0.plusSeconds(1));
    }

    @Test
    void carChargesAtTheSmallestOfLimitWallboxAndCarMaximum() {
        connector.plugIn(new SimulatedCar(32_000, 3, 60_000, 20));
        connector.applyLimit(amps(10));
        connector.tick(T0.plusSeconds(1));
        assertThat(connector.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(connector.snapshot().currents()).isEqualTo(new PhaseCurrents(10_000, 10_000, 10_000));
        assertThat(connector.snapshot().powerWatts()).isCloseTo(3 * 230 * 10, within(0.01));

        connector.applyLimit(amps(32));
        connector.tick(T0.plusSeconds(2));
        assertThat(connector.snapshot().currents().maxMilliamps()).as("wallbox maximum 16 A").isEqualTo(16_000);
    }

    @Test
    void onePhaseCarDrawsOnPhaseOneOnly() {
        connector.plugIn(new SimulatedCar(16_000, 1, 40_000, 50));
        connector.applyLimit(amps(13));
        connector.tick(T0.plusSeconds(1));
        assertThat(connector.snapshot().currents()).isEqualTo(new PhaseCurrents(13_000, 0, 0));
        assertThat(connector.snapshot().phasesInUse()).isEqualTo(1);
    }

    @Test
    void limitZeroOrBelowMinimumSuspendsTheEvse() {
        connector.plugIn(new SimulatedCar(16_000, 3, 60_000, 20));
        connector.tick(T0.plusSeconds(1));
        assertThat(connector.snapshot().state()).as("not allocated yet").isEqualTo(EvseState.SUSPENDED_EVSE);

        connector.applyLimit(amps(5));
        connector.tick(T0.plusSeconds(2));
        assertThat(connector.snapshot().state()).isEqualTo(EvseState.SUSPENDED_EVSE);
        assertThat(connector.snapshot().powerWatts()).isZero();
    }

    @Test
    void energyRegisterIntegratesPowerOverTime() {
        connector.plugIn(new SimulatedCar(16_000, 3, 60_000, 20));
        connector.applyLimit(amps(16));
        connector.tick(T0.plusSeconds(1));
        double power = connector.snapshot().powerWatts();
        Instant later = T0.plusSeconds(1).plus(Duration.ofMinutes(30));
        connector.tick(later);
        assertThat(connector.snapshot().energyWattHours()).isCloseTo(power / 2, within(0.01));
    }

    @Test
    void fullCarSuspendsItself() {
        connector.plugIn(new SimulatedCar(16_000, 3, 1_000, 99));
        connector.applyLimit(amps(16));
        connector.tick(T0.plusSeconds(1));
        assertThat(connector.snapshot().state()).isEqualTo(EvseState.CHARGING);
        connector.tick(T0.plusSeconds(1).plus(Duration.ofMinutes(10)));
        assertThat(connector.snapshot().state()).isEqualTo(EvseState.SUSPENDED_EV);
    }

    @Test
    void offlineConnectorKeepsItsLastTimestamp() {
        connector.plugIn(new SimulatedCar(16_000, 3, 60_000, 20));
        connector.tick(T0.plusSeconds(1));
        connector.setOnline(false);
        connector.tick(T0.plusSeconds(5));
        assertThat(connector.snapshot().state()).isEqualTo(EvseState.OFFLINE);
        assertThat(connector.snapshot().measuredAt()).isEqualTo(T0.plusSeconds(1));
    }
}
