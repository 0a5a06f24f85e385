package org.chargingmanager.wallbox.keba.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.CABLE;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.CURRENT_L1;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.CURRENT_L2;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.CURRENT_L3;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.ENABLE;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.ENERGY;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.FAILSAFE_CURRENT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.FAILSAFE_PERSIST;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.FAILSAFE_TIMEOUT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.FAILSAFE_TIMEOUT_SETTING;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.HARDWARE_CURRENT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.MAX_CURRENT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.PHASE_SWITCH;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.PHASE_SWITCH_SOURCE;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.PRODUCT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.RFID;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.POWER;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.SERIAL;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.SET_CURRENT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.STATE;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.ModbusTestKit;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Modbus TCP interface against the test kit's simulator holding KEBA's register map, the box played here. */
class KebaModbusChargerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private ModbusTcpSimulator simulator;
    private ModbusTestKit.LinesForTest lines;
    private ModbusLine line;
    private SimulatedDevice box;
    private KebaModbusCharger charger;
    private KebaModel model;
    private java.util.function.Consumer<SimulatedDevice> simulatorBeforeStart = b -> { };

    private void start(KebaModel newModel) {
        model = newModel;
        simulator = ModbusTcpSimulator.start();
        box = simulator.device(KebaModbusRegisters.UNIT_ID, KebaModbusRegisters.PROTOCOL);
        box.set(SERIAL, 22_334_455).set(HARDWARE_CURRENT, 32_000).set(STATE, 2).set(CABLE, 7).set(ENABLE, 1)
                .set(SET_CURRENT, 32_000).set(ENERGY, 5_555_555);
        simulatorBeforeStart.accept(box);
        lines = ModbusTestKit.lines(clock);
        line = lines.open(simulator.endpoint());
        KebaModbusSettings settings = new KebaModbusSettings("keba-p40", "Garage", simulator.endpoint(),
                KebaModbusRegisters.UNIT_ID, model, 3, PhaseRotation.L1_L2_L3, 6000, 16000, Duration.ofSeconds(60),
                6000, Duration.ofSeconds(1), Duration.ofMillis(500));
        charger = new KebaModbusCharger(settings, line, clock, Runnable::run);
    }

    @AfterEach
    void stop() {
        line.close();
        lines.close();
        simulator.close();
    }

    /** The box: the failsafe settings read back, the current it allows, a car drawing it. */
    private void poll(int times) {
        for (int i = 0; i < times; i++) {
            charger.pollOnce();
            box.set(FAILSAFE_TIMEOUT_SETTING, box.number(FAILSAFE_TIMEOUT).orElse(0));
            boolean enabled = model == KebaModel.P40 || box.number(ENABLE).orElse(0) == 1;
            double allowed = enabled ? box.number(SET_CURRENT).orElse(0) : 0;
            box.set(MAX_CURRENT, allowed).set(STATE, allowed >= 6000 ? 3 : 2).set(CURRENT_L1, allowed)
                    .set(CURRENT_L2, allowed).set(CURRENT_L3, allowed).set(POWER, allowed / 1000 * 230 * 3);
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private static ChargingLimit amps(double amps) {
        return new ChargingLimit((int) Math.round(amps * 1000), LimitReason.HOUSE_LIMIT, "test");
    }

    @Test
    void setsFailsafeAndCurrentReadsOneValuePerRequest() {
        start(KebaModel.P30);
        charger.applyLimit(amps(10.55));
        poll(3);
        assertThat(box.number(SET_CURRENT)).hasValue(10500.0);
        assertThat(box.number(ENABLE)).hasValue(1.0);
        assertThat(box.number(FAILSAFE_CURRENT)).hasValue(6000.0);
        assertThat(box.number(FAILSAFE_TIMEOUT)).hasValue(60.0);
        assertThat(box.number(FAILSAFE_PERSIST)).hasValue(0.0);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(charger.snapshot().currents()).isEqualTo(new PhaseCurrents(10500, 10500, 10500));
        assertThat(charger.snapshot().powerWatts()).isCloseTo(10.5 * 230 * 3, org.assertj.core.data.Offset.offset(0.1));
        assertThat(charger.snapshot().energyWattHours()).isEqualTo(5_555_555.0);
        assertThat(charger.info().identity().serialNumber()).isEqualTo("22334455");
        int before = box.requestCount();
        charger.pollOnce();
        // 11 polled values, each its own request (the box reads no blocks); nothing written
        assertThat(box.requestCount() - before).isEqualTo(11);
    }

    @Test
    void theFailsafeTimeoutIsTheHeartbeatAndARestartedBoxGetsEverythingBack() {
        start(KebaModel.P30);
        charger.applyLimit(amps(16));
        poll(65);
        assertThat(box.writeCount(FAILSAFE_TIMEOUT)).isBetween(3, 4); // every 20 s
        assertThat(box.writeCount(SET_CURRENT)).isEqualTo(1);

        box.set(FAILSAFE_TIMEOUT, 0).set(FAILSAFE_TIMEOUT_SETTING, 0).set(SET_CURRENT, 32_000); // restarted
        poll(2);
        assertThat(box.number(SET_CURRENT)).hasValue(16000.0);
        assertThat(box.number(FAILSAFE_TIMEOUT)).hasValue(60.0);
    }

    @Test
    void aP30PausesWithTheEnableRegisterAndAP40WithCurrentZero() {
        start(KebaModel.P30);
        charger.applyLimit(amps(10));
        poll(2);
        charger.applyLimit(amps(2));
        assertThat(box.number(ENABLE)).hasValue(0.0);
        poll(2);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.SUSPENDED_EVSE);
        stop();

        start(KebaModel.P40);
        charger.applyLimit(amps(10));
        poll(2);
        charger.applyLimit(amps(2));
        assertThat(box.number(SET_CURRENT)).hasValue(0.0);
        assertThat(box.writeCount(ENABLE)).isZero();
    }

    @Test
    void aSilentBoxIsOfflineAndComesBack() {
        start(KebaModel.P30);
        charger.applyLimit(amps(10));
        poll(2);
        box.stopAnswering();
        poll(1);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.OFFLINE);
        assertThat(charger.online()).isFalse();
        box.answerNormally();
        poll(2);
        assertThat(charger.online()).isTrue();
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
    }

    @Test
    void aBoxWithRfidReportsTheCardOfTheSessionWhileTheCarIsConnected() {
        simulatorBeforeStart = b -> b.set(PRODUCT, 321_011).set(RFID, 3_570_234_960L);
        start(KebaModel.P30);
        charger.applyLimit(amps(16));
        poll(2);
        assertThat(charger.info().capabilities().reportsIdTag()).isTrue();
        assertThat(charger.snapshot().idTag()).isEqualTo("D4CD7650");
        box.set(CABLE, 1); // unplugged at the car
        poll(1);
        assertThat(charger.snapshot().idTag()).isNull();
    }

    @Test
    void aBoxWithoutRfidInItsProductCodeReportsNoTag() {
        simulatorBeforeStart = b -> b.set(PRODUCT, 321_010).set(RFID, 3_570_234_960L);
        start(KebaModel.P30);
        poll(2);
        assertThat(charger.info().capabilities().reportsIdTag()).isFalse();
        assertThat(charger.snapshot().idTag()).isNull();
    }

    @Test
    void switchesPhasesWhenModbusIsTheSourceAtMostEveryFiveMinutes() {
        simulatorBeforeStart = b -> b.set(PHASE_SWITCH_SOURCE, KebaModbusRegisters.PHASE_SWITCH_SOURCE_MODBUS)
                .set(PHASE_SWITCH, 1);
        start(KebaModel.P40);
        poll(1);
        assertThat(charger.info().capabilities().phaseSwitching()).isTrue();
        charger.applyLimit(amps(10).withPhases(1));
        assertThat(box.number(PHASE_SWITCH)).hasValue(0.0); // at once
        poll(2);
        assertThat(charger.snapshot().appliedLimit().phases()).isEqualTo(1);
        charger.applyLimit(amps(10).withPhases(3));
        poll(60);
        assertThat(box.number(PHASE_SWITCH)).hasValue(0.0); // not within five minutes of the last switch
        clock.advance(KebaModbusCharger.PHASE_SWITCH_INTERVAL);
        poll(1);
        assertThat(box.number(PHASE_SWITCH)).hasValue(1.0);
        assertThat(box.writeCount(PHASE_SWITCH)).isEqualTo(2);
    }

    @Test
    void noPhaseSwitchingUnlessModbusIsTheSource() {
        simulatorBeforeStart = b -> b.set(PHASE_SWITCH_SOURCE, 4); // UDP
        start(KebaModel.P40);
        poll(1);
        assertThat(charger.info().capabilities().phaseSwitching()).isFalse();
        charger.applyLimit(amps(10).withPhases(1));
        poll(2);
        assertThat(box.writeCount(PHASE_SWITCH)).isZero();
    }
}
