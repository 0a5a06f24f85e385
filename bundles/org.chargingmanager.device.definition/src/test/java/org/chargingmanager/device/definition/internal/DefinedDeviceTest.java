package org.chargingmanager.device.definition.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.device.Staleness;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.goe.GoeSimulator;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.ModbusTestKit;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.chargingmanager.testkit.shelly.ShellySimulator;
import org.junit.jupiter.api.Test;

/** The example definitions (test resources, also shown in docs/devices-from-files.md) against the test kit. */
class DefinedDeviceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));

    static DeviceDefinition definition(String file) throws Exception {
        try (InputStream in = DefinedDeviceTest.class.getResourceAsStream("/definitions/" + file)) {
            return DefinitionParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static ChargingLimit amps(double amps) {
        return new ChargingLimit((int) Math.round(amps * 1000), LimitReason.HOUSE_LIMIT, "test");
    }

    @Test
    void aModbusMeterFromItsDefinition() throws Exception {
        DeviceDefinition definition = definition("sdm120-modbus.json");
        try (ModbusTcpSimulator simulator = ModbusTcpSimulator.start().strictAddresses(true);
                ModbusTestKit.LinesForTest lines = ModbusTestKit.lines(clock)) {
            SimulatedDevice meter = simulator.device(1, definition.registers());
            meter.set("voltage", 231).set("current", 4.5).set("power", -1000).set("import", 1234.5).set("export", 20);
            ModbusLine line = lines.open(simulator.endpoint());
            DefinedMeter reader = new DefinedMeter("pv-balcony", "Balcony", MeterRole.PV, definition,
                    new ModbusAccess(definition, line, simulator.endpoint(), 1, Duration.ofMillis(500), clock), clock);
            reader.pollOnce();
            assertThat(reader.reading().powerWatts()).isEqualTo(-1000.0);
            assertThat(reader.reading().currents()).isEqualTo(new PhaseCurrents(-4500, 0, 0));
            assertThat(reader.reading().energyImportWattHours()).isEqualTo(1_234_500.0);
            assertThat(reader.info().identity().model()).isEqualTo("Eastron SDM120-Modbus");

            meter.setNotAvailable(definition.registers().require("power"));
            clock.advance(Duration.ofSeconds(11));
            reader.pollOnce();
            assertThat(reader.online()).isFalse();
            assertThat(Staleness.stale(reader.reading().timestamp(), clock.instant())).isTrue();
            line.close();
        }
    }

    @Test
    void aModbusWallboxFromItsDefinitionSetsTheCurrentAndPauses() throws Exception {
        DeviceDefinition definition = definition("power-brain-like-modbus.json");
        try (ModbusTcpSimulator simulator = ModbusTcpSimulator.start();
                ModbusTestKit.LinesForTest lines = ModbusTestKit.lines(clock)) {
            SimulatedDevice box = simulator.device(1, definition.registers());
            box.set("state", 1).set("energy", 5_000);
            ModbusLine line = lines.open(simulator.endpoint());
            DefinedWallbox wallbox = new DefinedWallbox("garage", "Garage", 3, PhaseRotation.L1_L2_L3, 6000, 16000,
                    definition, new ModbusAccess(definition, line, simulator.endpoint(), 1, Duration.ofMillis(500),
                            clock), clock, Runnable::run);
            wallbox.applyLimit(amps(10.57));
            for (int i = 0; i < 3; i++) {
                wallbox.pollOnce();
                double allowed = box.number(definition.registers().require("enable")).orElse(0) == 1
                        ? box.number(definition.registers().require("limit")).orElse(0) : 0;
                box.set("state", allowed >= 6 ? 2 : 1).set("current.l1", allowed).set("current.l2", allowed)
                        .set("current.l3", allowed).set("power", Math.round(allowed * 690));
            }
            assertThat(box.number(definition.registers().require("limit")).getAsDouble()).isCloseTo(10.5, offset(0.01));
            assertThat(wallbox.snapshot().state()).isEqualTo(EvseState.CHARGING);
            assertThat(wallbox.snapshot().currents()).isEqualTo(new PhaseCurrents(10500, 10500, 10500));
            assertThat(wallbox.snapshot().energyWattHours()).isEqualTo(5_000.0);
            assertThat(box.writeCount(definition.registers().require("limit"))).isEqualTo(1);

            wallbox.applyLimit(amps(3));
            assertThat(box.number(definition.registers().require("enable"))).hasValue(0.0);
            box.set("state", 9);
            wallbox.pollOnce();
            assertThat(wallbox.snapshot().state()).isEqualTo(EvseState.FAULTED);
            line.close();
        }
    }

    @Test
    void anHttpWallboxFromItsDefinitionDrivesTheGoeSimulator() throws Exception {
        DeviceDefinition definition = definition("goe-v2-http.json");
        try (GoeSimulator goe = GoeSimulator.start(GoeSimulator.Api.V2, clock)) {
            goe.plugCar(32000, 3);
            DefinedWallbox wallbox = new DefinedWallbox("carport", "Carport", 3, PhaseRotation.L1_L2_L3, 6000, 16000,
                    definition, new HttpAccess(definition, goe.baseUri(), Duration.ofMillis(2000)), clock,
                    Runnable::run);
            wallbox.applyLimit(amps(9.9));
            wallbox.pollOnce();
            wallbox.pollOnce();
            assertThat(goe.amps()).isEqualTo(9);
            assertThat(wallbox.snapshot().state()).isEqualTo(EvseState.CHARGING);
            assertThat(wallbox.snapshot().currents()).isEqualTo(new PhaseCurrents(9000, 9000, 9000));
            wallbox.applyLimit(amps(0));
            assertThat(goe.force()).isEqualTo(1);
            goe.delayAnswers(Duration.ofMillis(2500));
            wallbox.pollOnce();
            assertThat(wallbox.snapshot().state()).isEqualTo(EvseState.OFFLINE);
        }
    }

    @Test
    void anHttpMeterFromItsDefinitionReadsTheShellySimulator() throws Exception {
        DeviceDefinition definition = definition("shelly-pro3em-http.json");
        try (ShellySimulator shelly = ShellySimulator.start(ShellySimulator.Model.PRO_3EM, null)) {
            shelly.phase(0, 230, 10, 2300).phase(1, 230, 2, -460).phase(2, 230, 0, 0);
            DefinedMeter meter = new DefinedMeter("grid", "Grid", MeterRole.GRID, definition,
                    new HttpAccess(definition, URI.create("http://127.0.0.1:" + shelly.port()), Duration.ofMillis(2000)),
                    clock);
            meter.pollOnce();
            assertThat(meter.reading().powerWatts()).isEqualTo(1840.0);
            assertThat(meter.reading().currents()).isEqualTo(new PhaseCurrents(10000, -2000, 0));
        }
    }

    @Test
    void definitionsWithMistakesAreRefusedWithTheKeyAndTheReason() {
        assertThatThrownBy(() -> DefinitionParser.parse("{\"name\": \"x\", \"kind\": \"toaster\"}"))
                .hasMessageContaining("\"kind\" must be one of [meter, wallbox]");
        assertThatThrownBy(() -> DefinitionParser.parse("{\"name\": \"x\", \"kind\": \"meter\", \"protocol\": \"modbus\","
                + "\"registers\": [{\"name\": \"p\", \"table\": \"input\", \"address\": 1, \"type\": \"F33\"}],"
                + "\"values\": {\"power\": \"p\"}}"))
                .hasMessageContaining("registers[0].\"type\" must be one of");
        assertThatThrownBy(() -> DefinitionParser.parse("{\"name\": \"x\", \"kind\": \"meter\", \"protocol\": \"modbus\","
                + "\"registers\": [{\"name\": \"p\", \"table\": \"holding\", \"address\": 1, \"type\": \"F32\","
                + "\"write\": \"FLASH_BACKED\"}], \"values\": {\"power\": \"p\"}}"))
                .hasMessageContaining("flash");
        assertThatThrownBy(() -> DefinitionParser.parse("{\"name\": \"x\", \"kind\": \"meter\", \"protocol\": \"modbus\","
                + "\"registers\": [{\"name\": \"p\", \"table\": \"input\", \"address\": 1, \"type\": \"F32\"}],"
                + "\"values\": {\"powr\": \"p\"}}"))
                .hasMessageContaining("values.powr is no known quantity");
        assertThatThrownBy(() -> DefinitionParser.parse("{\"name\": \"x\", \"kind\": \"wallbox\", \"protocol\": \"modbus\","
                + "\"registers\": [{\"name\": \"s\", \"table\": \"input\", \"address\": 1, \"type\": \"U16\"}],"
                + "\"values\": {\"state\": \"s\"}, \"states\": {\"1\": \"CHARGING\"}, \"setCurrent\": \"s\"}"))
                .hasMessageContaining("has no \"write\" policy");
        assertThatThrownBy(() -> DefinitionParser.parse("not json")).isInstanceOf(DefinitionException.class);
    }

    @Test
    void aRelativeDefinitionPathIsTakenFromTheConfigurationsDirectory() throws IOException {
        assertThat(DefinedDevice.resolve("devices/sdm120.json", "file:/opt/chargingmanager/etc/x.config").toString())
                .isEqualTo("/opt/chargingmanager/etc/devices/sdm120.json");
        assertThat(DefinedDevice.resolve("/abs/d.json", "file:/opt/etc/x.config").toString()).isEqualTo("/abs/d.json");
    }
}
