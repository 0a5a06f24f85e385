package org.chargingmanager.meter.sunspec.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.Staleness;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.ModbusTestKit;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.chargingmanager.testkit.sunspec.SunSpecImage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SunSpec model chains written into the test kit's Modbus simulator from the SunSpec model tables. */
class SunSpecReaderTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private ModbusTcpSimulator simulator;
    private SimulatedDevice device;
    private ModbusTestKit.LinesForTest lines;
    private ModbusLine line;

    @BeforeEach
    void start() {
        simulator = ModbusTcpSimulator.start();
        device = simulator.device(1, SunSpecImage.PROTOCOL);
        lines = ModbusTestKit.lines(clock);
        line = lines.open(simulator.endpoint());
    }

    @AfterEach
    void stop() {
        line.close();
        lines.close();
        simulator.close();
    }

    private SunSpecReader reader(MeterRole role, SunSpecSource source) {
        return new SunSpecReader(new SunSpecSettings("pv", "Roof", role, source, simulator.endpoint(), 1,
                Duration.ofSeconds(1), Duration.ofMillis(500)), line, clock);
    }

    /** A Fronius-like chain: common, inverter 103 (integer + scale factors), meter 203. Returns the 103's address. */
    private int[] froniusLike() {
        SunSpecImage image = SunSpecImage.at(device, 40000).common("Fronius", "Symo 10.0-3-M", "0.3.30.2",
                "31234567");
        int inverter = image.model(103, 50);
        image.set(inverter + 3, RegisterType.U16, 724).set(inverter + 4, RegisterType.U16, 730)
                .set(inverter + 5, RegisterType.U16, 720).set(inverter + 6, RegisterType.S16, -2)
                .set(inverter + 10, RegisterType.U16, 2301).set(inverter + 11, RegisterType.U16, 2299)
                .set(inverter + 12, RegisterType.U16, 2310).set(inverter + 13, RegisterType.S16, -1)
                .set(inverter + 14, RegisterType.S16, 502).set(inverter + 15, RegisterType.S16, 1)
                .set(inverter + 24, RegisterType.U32, 12_345_678).set(inverter + 26, RegisterType.S16, 0)
                .set(inverter + 38, RegisterType.U16, 4);
        int meter = image.model(203, 105);
        image.set(meter + 3, RegisterType.S16, -1200).set(meter + 4, RegisterType.S16, 300)
                .set(meter + 5, RegisterType.S16, 250).set(meter + 6, RegisterType.S16, -2)
                .set(meter + 8, RegisterType.S16, 2300).set(meter + 9, RegisterType.S16, 2300)
                .set(meter + 10, RegisterType.S16, 2300).set(meter + 15, RegisterType.S16, -1)
                .set(meter + 18, RegisterType.S16, -2040).set(meter + 19, RegisterType.S16, -2760)
                .set(meter + 20, RegisterType.S16, 690).set(meter + 21, RegisterType.S16, 30)
                .set(meter + 22, RegisterType.S16, 0)
                .set(meter + 38, RegisterType.U32, 4_000_000).set(meter + 46, RegisterType.U32, 9_000_000)
                .set(meter + 54, RegisterType.S16, 0);
        image.end();
        return new int[] {inverter, meter};
    }

    @Test
    void discoversTheChainAndReadsTheIntegerInverterWithItsScaleFactors() {
        froniusLike();
        SunSpecReader reader = reader(MeterRole.PV, SunSpecSource.AUTO);
        reader.pollOnce();

        assertThat(reader.modelId()).isEqualTo(103);
        MeterReading reading = reader.reading();
        assertThat(reading.powerWatts()).isEqualTo(5020.0);
        assertThat(reading.currents()).isEqualTo(new PhaseCurrents(7240, 7300, 7200));
        assertThat(reading.voltages().l1Volts()).isCloseTo(230.1, offset(0.001));
        assertThat(reading.powers().totalWatts()).isCloseTo(5020.0, offset(0.001));
        assertThat(reading.energyImportWattHours()).isEqualTo(12_345_678.0);
        assertThat(reader.info().identity().vendor()).isEqualTo("Fronius");
        assertThat(reader.info().identity().model()).isEqualTo("Symo 10.0-3-M");
        assertThat(reader.info().identity().serialNumber()).isEqualTo("31234567");
        assertThat(reader.info().identity().firmwareVersion()).isEqualTo("0.3.30.2");
    }

    @Test
    void theMeterModelWithSignedPowersAndBothEnergies() {
        froniusLike();
        SunSpecReader reader = reader(MeterRole.GRID, SunSpecSource.METER);
        reader.pollOnce();
        assertThat(reader.modelId()).isEqualTo(203);
        MeterReading reading = reader.reading();
        assertThat(reading.powerWatts()).isEqualTo(-2040.0);
        assertThat(reading.powers().l1Watts()).isEqualTo(-2760.0);
        assertThat(reading.currents()).isEqualTo(new PhaseCurrents(-12000, 3000, 2500));
        assertThat(reading.energyImportWattHours()).isEqualTo(9_000_000.0);
        assertThat(reading.energyExportWattHours()).isEqualTo(4_000_000.0);
    }

    @Test
    void aFloatInverterAtBase50000() {
        SunSpecImage image = SunSpecImage.at(device, 50000).common("SMA", "STP 8.0", "3.10", "1900999999");
        int inverter = image.model(111, 60);
        image.set(inverter + 2, RegisterType.F32, 15.5).set(inverter + 4, RegisterType.F32, 15.5)
                .set(inverter + 16, RegisterType.F32, 231.0).set(inverter + 22, RegisterType.F32, 3580.0)
                .set(inverter + 32, RegisterType.F32, 4_500_000.0);
        image.end();
        SunSpecReader reader = reader(MeterRole.PV, SunSpecSource.AUTO);
        reader.pollOnce();
        assertThat(reader.modelId()).isEqualTo(111);
        assertThat(reader.reading().powerWatts()).isEqualTo(3580.0);
        assertThat(reader.reading().currents()).isEqualTo(new PhaseCurrents(15500, 0, 0));
        assertThat(reader.reading().powers().l1Watts()).isEqualTo(3580.0);
        assertThat(reader.reading().energyImportWattHours()).isEqualTo(4_500_000.0);
    }

    @Test
    void aPowerNotAvailableDropsTheReadingWhichTurnsStale() {
        int[] models = froniusLike();
        SunSpecReader reader = reader(MeterRole.PV, SunSpecSource.INVERTER);
        reader.pollOnce();
        Instant good = reader.reading().timestamp();
        new SunSpecImageAccess(device).notImplemented(models[0] + 14);
        clock.advance(Duration.ofSeconds(11));
        reader.pollOnce();
        assertThat(reader.reading().timestamp()).isEqualTo(good);
        assertThat(Staleness.stale(reader.reading().timestamp(), clock.instant())).isTrue();
        assertThat(reader.online()).isFalse();
    }

    @Test
    void aDeviceWithoutSunSpecOrWithoutTheModelIsOfflineWithAHint() {
        SunSpecReader none = reader(MeterRole.PV, SunSpecSource.AUTO);
        none.pollOnce();
        assertThat(none.online()).isFalse();
        assertThat(none.reading()).isNull();

        SunSpecImage.at(device, 40000).common("X", "Y", "1", "2").end();
        SunSpecReader noModel = reader(MeterRole.PV, SunSpecSource.METER);
        noModel.pollOnce();
        assertThat(noModel.online()).isFalse();
    }

    @Test
    void aTimeoutIsOfflineAndAFirmwareThatMovedTheModelsIsDiscoveredAgain() {
        froniusLike();
        SunSpecReader reader = reader(MeterRole.PV, SunSpecSource.AUTO);
        reader.pollOnce();
        device.stopAnswering();
        reader.pollOnce();
        assertThat(reader.online()).isFalse();

        // after the update the chain has a model 120 (nameplate) before the inverter, which moved
        SunSpecImage image = SunSpecImage.at(device, 40000).common("Fronius", "Symo 10.0-3-M", "0.3.31.0", "31234567");
        image.model(120, 26);
        int inverter = image.model(103, 50);
        image.set(inverter + 14, RegisterType.S16, 777).set(inverter + 15, RegisterType.S16, 0)
                .set(inverter + 3, RegisterType.U16, 11).set(inverter + 6, RegisterType.S16, 0)
                .set(inverter + 24, RegisterType.U32, 12_400_000).set(inverter + 26, RegisterType.S16, 0);
        image.end();
        device.answerNormally();
        simulator.dropConnections();
        clock.advance(Duration.ofSeconds(5));
        reader.pollOnce();
        reader.pollOnce();
        assertThat(reader.online()).isTrue();
        assertThat(reader.reading().powerWatts()).isEqualTo(777.0);
        assertThat(reader.info().identity().firmwareVersion()).isEqualTo("0.3.31.0");
    }

    /** Sets points to "not implemented" by address. */
    private record SunSpecImageAccess(SimulatedDevice device) {
        void notImplemented(int address) {
            device.setNotAvailable(org.chargingmanager.modbus.protocol.Register.holding("p", address, RegisterType.S16));
        }
    }
}
