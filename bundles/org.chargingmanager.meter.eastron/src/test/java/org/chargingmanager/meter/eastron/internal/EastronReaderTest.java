package org.chargingmanager.meter.eastron.internal;

import static org.chargingmanager.meter.eastron.internal.EastronRegisters.CURRENT_L1;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.CURRENT_L2;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.CURRENT_L3;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.EXPORT_ENERGY;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.FREQUENCY;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.IMPORT_ENERGY;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.POWER_L1;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.POWER_L2;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.POWER_L3;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.POWER_TOTAL;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.TOTAL_ENERGY;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.VOLTAGE_L1;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.VOLTAGE_L2;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.VOLTAGE_L3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.Staleness;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.ModbusTestKit;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The driver against a protocol-level simulator of the meter (strict addresses, as a real SDM answers). */
class EastronReaderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));
    private ModbusTcpSimulator simulator;
    private ModbusTestKit.LinesForTest lines;
    private ModbusLine line;

    @BeforeEach
    void start() {
        simulator = ModbusTcpSimulator.start().strictAddresses(true);
        lines = ModbusTestKit.lines(clock);
        line = lines.open(simulator.endpoint());
    }

    @AfterEach
    void stop() {
        line.close();
        lines.close();
        simulator.close();
    }

    private EastronReader reader(EastronModel model, MeterRole role, int unitId) {
        return new EastronReader(new EastronSettings("grid", "Grid", role, model, simulator.endpoint(), unitId,
                Duration.ofSeconds(1), Duration.ofMillis(300)), line, clock);
    }

    private SimulatedDevice sdm630(int unitId) {
        SimulatedDevice meter = simulator.device(unitId, EastronRegisters.PER_PHASE);
        meter.set(VOLTAGE_L1, 231.5).set(VOLTAGE_L2, 229.0).set(VOLTAGE_L3, 230.25);
        meter.set(CURRENT_L1, 20.5).set(CURRENT_L2, 8.0).set(CURRENT_L3, 3.0);
        meter.set(POWER_L1, 4_700).set(POWER_L2, 1_800).set(POWER_L3, -690).set(POWER_TOTAL, 5_810);
        meter.set(FREQUENCY, 50.01).set(IMPORT_ENERGY, 12_345.5).set(EXPORT_ENERGY, 678.25).set(TOTAL_ENERGY, 13_023.75);
        return meter;
    }

    @Test
    void readsPowersCurrentsVoltagesAndEnergiesPerPhase() {
        sdm630(1);
        EastronReader reader = reader(EastronModel.SDM630, MeterRole.GRID, 1);
        assertNull(reader.reading(), "nothing before the first read");
        reader.pollOnce();

        MeterReading reading = reader.reading();
        assertEquals(5_810, reading.powerWatts());
        assertEquals(4_700, reading.powers().l1Watts());
        assertEquals(-690, reading.powers().l3Watts());
        assertEquals(new PhaseCurrents(20_500, 8_000, -3_000), reading.currents(),
                "a phase that feeds in counts as a negative current");
        assertEquals(231.5, reading.voltages().l1Volts());
        assertEquals(12_345_500, reading.energyImportWattHours());
        assertEquals(678_250, reading.energyExportWattHours());
        assertEquals(clock.instant(), reading.timestamp());
        assertEquals("Eastron", reader.info().identity().vendor());
        assertEquals("SDM630", reader.info().identity().model());
        assertEquals(MeterRole.GRID, reader.info().role());
    }

    @Test
    void theSdm72v1GivesTotalsOnlyAndIsTakenAsIfTheWholeLoadWereOnEveryPhase() {
        SimulatedDevice meter = simulator.device(3, EastronRegisters.TOTALS_ONLY);
        meter.set(POWER_TOTAL, 4_600).set(IMPORT_ENERGY, 10).set(EXPORT_ENERGY, 2).set(TOTAL_ENERGY, 12);
        EastronReader reader = reader(EastronModel.SDM72D_M_V1, MeterRole.GRID, 3);
        reader.pollOnce();
        assertTrue(reader.online(), "only the four registers the v1 has are read");
        assertEquals(new PhaseCurrents(20_000, 20_000, 20_000), reader.reading().currents());
        assertEquals(10_000, reader.reading().energyImportWattHours());

        EastronReader pv = reader(EastronModel.SDM72D_M_V1, MeterRole.PV, 3);
        pv.pollOnce();
        assertEquals(PhaseCurrents.ZERO, pv.reading().currents(), "a producer is not credited on any one phase");
        assertEquals(4_600, pv.reading().powerWatts());
    }

    @Test
    void aMeterThatStopsAnsweringKeepsItsLastReadingWhichTurnsStale() {
        SimulatedDevice meter = sdm630(1);
        EastronReader reader = reader(EastronModel.SDM630, MeterRole.GRID, 1);
        reader.pollOnce();
        MeterReading last = reader.reading();

        meter.stopAnswering();
        clock.advance(Duration.ofSeconds(1));
        reader.pollOnce();
        assertFalse(reader.online());
        assertSame(last, reader.reading());
        clock.advance(Staleness.STALE_AFTER);
        assertTrue(Staleness.stale(reader.reading().timestamp(), clock.instant()));

        meter.answerNormally();
        clock.advance(Duration.ofMinutes(2));
        reader.pollOnce();
        assertTrue(reader.online());
        assertEquals(clock.instant(), reader.reading().timestamp());
    }

    @Test
    void aGatewayThatDropsTheConnectionIsReadAgainWhenItIsBack() {
        sdm630(1);
        EastronReader reader = reader(EastronModel.SDM630, MeterRole.GRID, 1);
        reader.pollOnce();
        simulator.stop();
        clock.advance(Duration.ofSeconds(1));
        reader.pollOnce();
        assertFalse(reader.online());
        simulator.resume();
        clock.advance(Duration.ofMinutes(2));
        reader.pollOnce();
        assertTrue(reader.online());
    }

    @Test
    void exceptionsMalformedFramesAndAWrongUnitMakeItOffline() {
        SimulatedDevice meter = sdm630(1);
        EastronReader wrongUnit = reader(EastronModel.SDM630, MeterRole.GRID, 9);
        wrongUnit.pollOnce();
        assertFalse(wrongUnit.online());
        assertNull(wrongUnit.reading());

        EastronReader reader = reader(EastronModel.SDM630, MeterRole.GRID, 1);
        meter.answerWithException(2);
        clock.advance(Duration.ofMinutes(2));
        reader.pollOnce();
        assertFalse(reader.online());
        meter.answerMalformed();
        clock.advance(Duration.ofMinutes(2));
        reader.pollOnce();
        assertFalse(reader.online());
        assertNull(reader.reading());
    }

    @Test
    void aReadingWithNanOrAnImpossibleValueIsDroppedWhole() {
        SimulatedDevice meter = sdm630(1);
        EastronReader reader = reader(EastronModel.SDM630, MeterRole.GRID, 1);
        reader.pollOnce();
        MeterReading good = reader.reading();

        meter.setNotAvailable(CURRENT_L2);
        clock.advance(Duration.ofSeconds(1));
        reader.pollOnce();
        assertFalse(reader.online());
        assertSame(good, reader.reading(), "a NaN current is not 0 A");

        meter.set(CURRENT_L2, 8.0).set(POWER_TOTAL, 3.0e12);
        reader.pollOnce();
        assertSame(good, reader.reading());

        meter.set(POWER_TOTAL, 5_810).setWords(POWER_L1, 0x7F80, 0x0000); // +infinity
        reader.pollOnce();
        assertSame(good, reader.reading());
    }

    @Test
    void energyNeverGoesBackWhenTheMeterReportsZeroAfterAPowerCut() {
        SimulatedDevice meter = sdm630(1);
        EastronReader reader = reader(EastronModel.SDM630, MeterRole.GRID, 1);
        reader.pollOnce();
        meter.startReboot(IMPORT_ENERGY, EXPORT_ENERGY);
        reader.pollOnce();
        assertEquals(12_345_500, reader.reading().energyImportWattHours());
        assertEquals(678_250, reader.reading().energyExportWattHours());
        meter.finishReboot().set(IMPORT_ENERGY, 12_346);
        reader.pollOnce();
        assertEquals(12_346_000, reader.reading().energyImportWattHours());
    }
}
