package org.chargingmanager.wallbox.abl.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusEndpoint.SerialFraming;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.ModbusTestKit;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Both ABL models against the test kit's simulator: the eMH1 as a Modbus ASCII device behind an RS-485-to-Ethernet
 * converter, answering with '>' as the real box does, its registers played from ABL's published map; the eM4 over
 * Modbus TCP.
 */
class AblChargerTest {

    /** The eMH1's registers as the box has them (raw words; the test plays the box's logic in {@link #step}). */
    static final class Emh1Box {
        static final Register FIRMWARE = Register.holding("firmware", 0x01, RegisterType.U32);
        static final Register MODIFY_STATE = Register.holding("modify_state", 0x05, RegisterType.U16);
        static final Register DUTY = Register.holding("duty", 0x14, RegisterType.U16);
        static final Register STATUS = Register.holding("status", 0x2E, RegisterType.U16).withoutNotAvailableMarker();
        static final Register FLAGS_DUTY = Register.holding("flags_duty", 0x2F, RegisterType.U16);
        static final Register L3 = Register.holding("l3", 0x30, RegisterType.U16).withoutNotAvailableMarker();
        static final Register L2 = Register.holding("l2", 0x31, RegisterType.U16).withoutNotAvailableMarker();
        static final Register L1 = Register.holding("l1", 0x32, RegisterType.U16).withoutNotAvailableMarker();
        static final DeviceProtocol PROTOCOL = DeviceProtocol.of("abl-emh1-box", FIRMWARE, MODIFY_STATE, DUTY, STATUS,
                FLAGS_DUTY, L3, L2, L1);
    }

    static final class Em4Box {
        static final int BASE = 0x100; // connector 2
        static final Register CURRENT_L1 = Register.holding("l1", BASE + 0x3001, RegisterType.U32).withScale(0.1);
        static final Register CURRENT_L2 = Register.holding("l2", BASE + 0x3003, RegisterType.U32).withScale(0.1);
        static final Register CURRENT_L3 = Register.holding("l3", BASE + 0x3005, RegisterType.U32).withScale(0.1);
        static final Register POWER = Register.holding("power", BASE + 0x300D, RegisterType.U32);
        static final Register ENERGY = Register.holding("energy", BASE + 0x300F, RegisterType.U32).withScale(0.01);
        static final Register STATUS = Register.holding("status", BASE + 0x3031, RegisterType.U16);
        static final Register MAX_CURRENT = Register.holding("max", BASE + 0x3032, RegisterType.U16).withScale(0.1);
        static final DeviceProtocol PROTOCOL = DeviceProtocol.of("abl-em4-box", CURRENT_L1, CURRENT_L2, CURRENT_L3,
                POWER, ENERGY, STATUS, MAX_CURRENT);
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private ModbusTcpSimulator simulator;
    private ModbusTestKit.LinesForTest lines;
    private ModbusLine line;
    private SimulatedDevice box;
    private AblCharger charger;
    private boolean carPlugged = true;
    private boolean onePhaseCar;
    private int stateOverride;

    private void startEmh1() {
        simulator = ModbusTcpSimulator.start().behindSerialBridge(SerialFraming.ASCII).asciiAnswersStartWith('>');
        box = simulator.device(1, Emh1Box.PROTOCOL);
        box.setWords(Emh1Box.FIRMWARE, 0x0101, 0x1020).set(Emh1Box.DUTY, 1000);
        start(AblModel.EMH1, simulator.bridgeEndpoint(), 1);
        step();
    }

    private void startEm4() {
        simulator = ModbusTcpSimulator.start();
        box = simulator.device(255, Em4Box.PROTOCOL);
        box.set(Em4Box.STATUS, 0xB1).set(Em4Box.ENERGY, 1234.56);
        start(AblModel.EM4, simulator.endpoint(), 2);
    }

    private void start(AblModel model, ModbusEndpoint endpoint, int connector) {
        lines = ModbusTestKit.lines(clock);
        line = lines.open(endpoint);
        AblSettings settings = new AblSettings("abl", "ABL", model, endpoint, 0, connector, 3, PhaseRotation.L1_L2_L3,
                6000, 16000, Duration.ofSeconds(1), Duration.ofMillis(500));
        charger = new AblCharger(settings, line, AblCharger.link(settings, line), clock, Runnable::run);
    }

    @AfterEach
    void stop() {
        line.close();
        lines.close();
        simulator.close();
    }

    /** The eMH1's logic: the duty cycle written is applied, a car draws what it allows, the status block follows. */
    private void step() {
        int duty = (int) box.number(Emh1Box.DUTY).orElse(1000);
        if ((int) box.number(Emh1Box.MODIFY_STATE).orElse(0) == 0xA1A1) {
            stateOverride = 0;
            box.set(Emh1Box.MODIFY_STATE, 0);
        }
        boolean allowed = duty >= 100 && duty < 1000;
        int tenthsOfAmps = carPlugged && allowed ? duty * 6 / 10 : 0;
        int state = stateOverride != 0 ? stateOverride : !carPlugged ? 0xA1 : tenthsOfAmps > 0 ? 0xC2 : 0xB1;
        box.set(Emh1Box.STATUS, 0x2E00 | state).set(Emh1Box.FLAGS_DUTY, 0x9000 | duty);
        int none = 1000;
        box.set(Emh1Box.L1, tenthsOfAmps > 0 ? tenthsOfAmps : none);
        box.set(Emh1Box.L2, tenthsOfAmps > 0 && !onePhaseCar ? tenthsOfAmps : none);
        box.set(Emh1Box.L3, tenthsOfAmps > 0 && !onePhaseCar ? tenthsOfAmps : none);
    }

    private void pollEmh1(int times) {
        for (int i = 0; i < times; i++) {
            charger.pollOnce();
            step();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private static ChargingLimit amps(double amps) {
        return new ChargingLimit((int) Math.round(amps * 1000), LimitReason.HOUSE_LIMIT, "test");
    }

    @Test
    void emh1SetsTheDutyCycleAndReadsTheReversedCurrentsOfAOnePhaseCar() {
        startEmh1();
        onePhaseCar = true;
        charger.applyLimit(amps(16));
        pollEmh1(3);
        assertThat(box.number(Emh1Box.DUTY)).hasValue(266.0); // 16 A / 0.06 A, rounded down
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(charger.snapshot().currents()).isEqualTo(new PhaseCurrents(15900, 0, 0));
        assertThat(charger.snapshot().phasesInUse()).isEqualTo(1);
        assertThat(charger.snapshot().powerWatts()).isEqualTo(15.9 * 230, org.assertj.core.data.Offset.offset(0.01));
        assertThat(charger.snapshot().appliedLimit().currentMilliamps()).isEqualTo(15960);
        assertThat(charger.info().identity().firmwareVersion()).isEqualTo("0101 1020");
        assertThat(box.writeCount(Emh1Box.DUTY)).isEqualTo(1);
    }

    @Test
    void emh1PausesAtOnceAndWritesNothingWhileNothingChanges() {
        startEmh1();
        charger.applyLimit(amps(10));
        pollEmh1(2);
        assertThat(box.number(Emh1Box.DUTY)).hasValue(166.0);
        charger.applyLimit(amps(3)); // below the minimum: disabled, written without waiting for the next poll
        assertThat(box.number(Emh1Box.DUTY)).hasValue(1000.0);
        pollEmh1(10);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.SUSPENDED_EVSE);
        assertThat(charger.snapshot().currents()).isEqualTo(PhaseCurrents.ZERO);
        assertThat(box.writeCount(Emh1Box.DUTY)).isEqualTo(2);
        charger.applyLimit(amps(8));
        pollEmh1(2);
        assertThat(box.number(Emh1Box.DUTY)).hasValue(133.0);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
    }

    @Test
    void emh1ThatRestartedGetsItsLimitBackOnceAndADisabledOutletIsEnabled() {
        startEmh1();
        charger.applyLimit(amps(10));
        pollEmh1(12);
        box.set(Emh1Box.DUTY, 266); // restarted with its own maximum
        step();
        pollEmh1(1);
        assertThat(box.number(Emh1Box.DUTY)).hasValue(166.0);
        assertThat(box.writeCount(Emh1Box.DUTY)).isEqualTo(2);
        box.set(Emh1Box.DUTY, 266); // and again at once: rewritten only after the interval, never in a loop
        step();
        pollEmh1(3);
        assertThat(box.writeCount(Emh1Box.DUTY)).isEqualTo(2);
        pollEmh1(8);
        assertThat(box.writeCount(Emh1Box.DUTY)).isEqualTo(3);

        stateOverride = 0xE0;
        step();
        pollEmh1(2);
        assertThat(box.number(Emh1Box.MODIFY_STATE)).hasValue(0.0); // 0xA1A1 was written and taken
        assertThat(box.writeCount(Emh1Box.MODIFY_STATE)).isEqualTo(1);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
    }

    @Test
    void emh1SilentOrAnsweringGarbageIsOfflineAndComesBack() {
        startEmh1();
        charger.applyLimit(amps(16));
        pollEmh1(2);
        box.stopAnswering();
        pollEmh1(1);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.OFFLINE);
        assertThat(charger.online()).isFalse();
        box.answerNormally();
        pollEmh1(2);
        assertThat(charger.online()).isTrue();
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);

        box.set(Emh1Box.STATUS, 0x4142); // not the register echo: another device, or garbage
        charger.pollOnce();
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.OFFLINE);
        assertThat(charger.snapshot().currents()).isEqualTo(new PhaseCurrents(15900, 15900, 15900));
        step();
        pollEmh1(1);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
    }

    @Test
    void em4ConnectorTwoReadsItsBlockAndWritesTheLimitInTenthsOfAmperes() {
        startEm4();
        charger.applyLimit(amps(12.35));
        charger.pollOnce();
        assertThat(box.number(Em4Box.MAX_CURRENT)).hasValue(12.3);
        box.set(Em4Box.STATUS, 0xC2).set(Em4Box.CURRENT_L1, 12.3).set(Em4Box.CURRENT_L2, 12.2)
                .set(Em4Box.CURRENT_L3, 12.1).set(Em4Box.POWER, 8400);
        clock.advance(Duration.ofSeconds(1));
        charger.pollOnce();
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(charger.snapshot().currents()).isEqualTo(new PhaseCurrents(12300, 12200, 12100));
        assertThat(charger.snapshot().powerWatts()).isEqualTo(8400.0);
        assertThat(charger.snapshot().energyWattHours()).isEqualTo(1_234_560.0);
        assertThat(charger.snapshot().phasesInUse()).isEqualTo(3);

        charger.applyLimit(amps(5));
        assertThat(box.number(Em4Box.MAX_CURRENT)).hasValue(0.0);
        box.setWords(Em4Box.CURRENT_L1, 0xFFFF, 0xFFFF); // garbage while charging: taken as the limit, never 0
        box.set(Em4Box.MAX_CURRENT, 12.3);
        charger.pollOnce();
        assertThat(charger.snapshot().currents().l1Milliamps()).isGreaterThan(0);
        assertThat(box.number(Em4Box.MAX_CURRENT)).hasValue(12.3); // rewritten only after the interval
        clock.advance(AblCharger.REWRITE_INTERVAL);
        charger.pollOnce();
        assertThat(box.number(Em4Box.MAX_CURRENT)).hasValue(0.0);
    }
}
