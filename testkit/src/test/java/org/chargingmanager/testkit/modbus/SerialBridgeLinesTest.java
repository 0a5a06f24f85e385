package org.chargingmanager.testkit.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusEndpoint.SerialFraming;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusException.Kind;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusTable;
import org.chargingmanager.modbus.protocol.ModbusDevice;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.modbus.SampleProtocols.Meter;
import org.chargingmanager.testkit.modbus.SampleProtocols.Wallbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * RTU and ASCII frames through a (simulated) transparent serial-to-Ethernet converter: the production lines
 * against the simulator's slave-side framing, every function code, exceptions, silence and garbage.
 */
class SerialBridgeLinesTest {

    static final Duration TIMEOUT = Duration.ofMillis(700);

    final MutableClock clock = new MutableClock();
    final ModbusTestKit.LinesForTest lines = ModbusTestKit.lines(clock);
    ModbusTcpSimulator slave;
    ModbusLine line;

    ModbusLine open(SerialFraming framing) {
        slave = ModbusTcpSimulator.start().behindSerialBridge(framing);
        line = lines.open(slave.bridgeEndpoint());
        return line;
    }

    @AfterEach
    void tearDown() {
        if (line != null) {
            line.close();
        }
        lines.close();
        slave.close();
    }

    @ParameterizedTest
    @EnumSource(SerialFraming.class)
    void readsAndWritesEveryTableThroughTheConverter(SerialFraming framing) throws Exception {
        ModbusLine l = open(framing);
        SimulatedDevice box = slave.device(7, Wallbox.PROTOCOL).set(Wallbox.POWER, 7400).set(Wallbox.ENERGY,
                1_234_567);
        SimulatedDevice meter = slave.device(8, Meter.PROTOCOL).set(Meter.POWER_TOTAL, -1500.5)
                .set(Meter.TAMPER, true);

        ModbusDevice wallbox = new ModbusDevice(l, 7, Wallbox.PROTOCOL, TIMEOUT, clock);
        assertThat(wallbox.read().number(Wallbox.POWER)).hasValue(7400);
        assertThat(wallbox.read().number(Wallbox.ENERGY)).hasValue(1_234_567);
        wallbox.write(Wallbox.CURRENT_LIMIT, 16);
        assertThat(box.number(Wallbox.CURRENT_LIMIT)).hasValue(16.0);
        l.writeRegisters(7, 8093, new int[] {100, 1}, TIMEOUT);
        assertThat(box.number(Wallbox.ENABLE)).hasValue(1.0);

        ModbusDevice m = new ModbusDevice(l, 8, Meter.PROTOCOL, TIMEOUT, clock);
        assertThat(m.read().number(Meter.POWER_TOTAL)).hasValue(-1500.5);
        assertThat(m.read().bit(Meter.TAMPER)).isTrue();
        l.writeCoil(8, 0, true, TIMEOUT);
        l.writeCoils(8, 0, new boolean[] {false, true}, TIMEOUT);
        assertThat(meter.bit(Meter.RELAY)).isFalse();
        assertThat(l.readBits(8, ModbusTable.COILS, 0, 2, TIMEOUT)).containsExactly(false, true);
        assertThat(slave.connectionsAccepted()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(SerialFraming.class)
    void anExceptionIsAnExceptionAndSilenceATimeoutThatKeepsTheLineOpen(SerialFraming framing) throws Exception {
        ModbusLine l = open(framing);
        SimulatedDevice box = slave.device(1, Wallbox.PROTOCOL).set(Wallbox.POWER, 11000);
        box.answerWithException(ModbusException.ILLEGAL_DATA_ADDRESS);
        assertThatThrownBy(() -> l.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 8062, 2, TIMEOUT))
                .isInstanceOfSatisfying(ModbusException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.EXCEPTION_RESPONSE);
                    assertThat(e.exceptionCode()).isEqualTo(2);
                });
        box.stopAnswering();
        assertThatThrownBy(() -> l.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 8062, 2, TIMEOUT))
                .isInstanceOfSatisfying(ModbusException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
        box.answerMalformed();
        assertThatThrownBy(() -> l.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 8062, 2, TIMEOUT))
                .isInstanceOfSatisfying(ModbusException.class,
                        e -> assertThat(e.kind()).isIn(Kind.INVALID_RESPONSE, Kind.TIMEOUT));
        box.answerNormally();
        assertThat(l.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 8062, 2, TIMEOUT)).containsExactly(0, 11000);
        assertThat(slave.connectionsAccepted()).isEqualTo(1); // no reconnect on a serial line
    }

    @ParameterizedTest
    @EnumSource(SerialFraming.class)
    void aLateAnswerIsNotTakenForTheNextOne(SerialFraming framing) throws Exception {
        ModbusLine l = open(framing);
        SimulatedDevice box = slave.device(1, Wallbox.PROTOCOL).set(Wallbox.POWER, 1111).set(Wallbox.STATE, 2);
        box.delayAnswers(Duration.ofMillis(1000));
        assertThatThrownBy(() -> l.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 8062, 2, Duration.ofMillis(300)))
                .isInstanceOfSatisfying(ModbusException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
        box.delayAnswers(Duration.ZERO);
        Thread.sleep(900); // real time: the late answer arrives on the socket
        assertThat(l.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 8092, 1, TIMEOUT)).containsExactly(2);
    }

    @org.junit.jupiter.api.Test
    void ablStyleAnswersStartingWithGreaterThanAreUnderstood() throws Exception {
        ModbusLine l = open(SerialFraming.ASCII);
        slave.asciiAnswersStartWith('>');
        slave.device(1, Wallbox.PROTOCOL).set(Wallbox.STATE, 0xB2);
        assertThat(l.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 8092, 1, TIMEOUT)).containsExactly(0xB2);
    }

    @org.junit.jupiter.api.Test
    void oneConverterHasOneFraming() {
        open(SerialFraming.RTU);
        ModbusEndpoint other = new ModbusEndpoint.SerialBridge("127.0.0.1", slave.port(), SerialFraming.ASCII);
        assertThatThrownBy(() -> lines.open(other)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("already open");
    }
}
