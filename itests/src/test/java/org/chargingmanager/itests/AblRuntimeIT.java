package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.junit.Test;

import com.google.gson.JsonObject;

/**
 * The ABL bundle hot-deployed into the standalone runtime and removed again: an eMH1 on an RS-485 bus behind a
 * (simulated) transparent RS-485-to-Ethernet converter, Modbus ASCII frames answered with '>' as the box does, and an
 * Eastron grid meter that sees a base load plus the car. The eMH1's registers are played here from ABL's published
 * map, independently of the driver.
 */
public class AblRuntimeIT {

    private static final double BASE_LOAD_AMPS = 30;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final Register FIRMWARE = Register.holding("firmware", 0x01, RegisterType.U32);
    private static final Register MODIFY_STATE = Register.holding("modify_state", 0x05, RegisterType.U16);
    private static final Register DUTY = Register.holding("duty", 0x14, RegisterType.U16);
    private static final Register STATUS = Register.holding("status", 0x2E, RegisterType.U16).withoutNotAvailableMarker();
    private static final Register FLAGS_DUTY = Register.holding("flags_duty", 0x2F, RegisterType.U16);
    private static final Register L3 = Register.holding("l3", 0x30, RegisterType.U16).withoutNotAvailableMarker();
    private static final Register L2 = Register.holding("l2", 0x31, RegisterType.U16).withoutNotAvailableMarker();
    private static final Register L1 = Register.holding("l1", 0x32, RegisterType.U16).withoutNotAvailableMarker();
    private static final DeviceProtocol EMH1 = DeviceProtocol.of("abl-emh1", FIRMWARE, MODIFY_STATE, DUTY, STATUS,
            FLAGS_DUTY, L3, L2, L1);

    private static final Register[] SDM_AMPS = {f32("i1", 0x06), f32("i2", 0x08), f32("i3", 0x0A)};
    private static final Register[] SDM_WATTS = {f32("p1", 0x0C), f32("p2", 0x0E), f32("p3", 0x10)};
    private static final Register[] SDM_VOLTS = {f32("u1", 0x00), f32("u2", 0x02), f32("u3", 0x04)};
    private static final Register SDM_TOTAL_WATTS = f32("p", 0x34);
    private static final Register SDM_IMPORT = f32("import", 0x48);
    private static final Register SDM_EXPORT = f32("export", 0x4A);
    private static final DeviceProtocol SDM630 = DeviceProtocol.of("sdm630", SDM_VOLTS[0], SDM_VOLTS[1], SDM_VOLTS[2],
            SDM_AMPS[0], SDM_AMPS[1], SDM_AMPS[2], SDM_WATTS[0], SDM_WATTS[1], SDM_WATTS[2], SDM_TOTAL_WATTS,
            SDM_IMPORT, SDM_EXPORT);

    private static Register f32(String name, int address) {
        return Register.input(name, address, RegisterType.F32);
    }

    @Test
    public void theAblBundleDrivesAnEmh1BehindAnAsciiConverterAndIsHotDeployedAndRemoved() throws Exception {
        Path directory = StandaloneRuntime.testDirectory("abl-driver");
        Path home = ModbusDriversRuntimeIT.copyRuntime(directory.resolve("home"));
        Path ablJar = ModbusDriversRuntimeIT.moveOut(home, "org.chargingmanager.wallbox.abl", directory);

        try (ModbusTcpSimulator converter = ModbusTcpSimulator.start()
                .behindSerialBridge(ModbusEndpoint.SerialFraming.ASCII).asciiAnswersStartWith('>');
                ModbusTcpSimulator meterSlave = ModbusTcpSimulator.start()) {
            SimulatedDevice box = converter.device(1, EMH1);
            box.setWords(FIRMWARE, 0x0101, 0x1020).set(DUTY, 1000).set(STATUS, 0x2EB1).set(FLAGS_DUTY, 1000);
            SimulatedDevice grid = meterSlave.device(1, SDM630);
            grid.set(SDM_IMPORT, 100).set(SDM_EXPORT, 0);
            for (Register volts : SDM_VOLTS) {
                grid.set(volts, 230);
            }
            ScheduledExecutorService physics = Executors.newSingleThreadScheduledExecutor();
            physics.scheduleAtFixedRate(() -> step(box, grid), 0, 100, TimeUnit.MILLISECONDS);

            Files.writeString(home.resolve("etc/org.chargingmanager.meter.eastron-grid.config"), "id=\"grid\"\n"
                    + "name=\"Grid\"\nrole=\"GRID\"\nmodel=\"SDM630\"\nhost=\"127.0.0.1\"\nport=I\"" + meterSlave.port()
                    + "\"\nunitId=I\"1\"\n");
            Files.writeString(home.resolve("etc/org.chargingmanager.wallbox.abl-garage.config"), "id=\"abl-garage\"\n"
                    + "name=\"Garage\"\nmodel=\"EMH1\"\nhost=\"127.0.0.1\"\nport=I\"" + converter.port() + "\"\n"
                    + "maxCurrentAmps=D\"16.0\"\n");

            try (RuntimeProcess runtime = RuntimeProcess.start(home, directory, "console.log", Map.of())) {
                Await.value("the grid meter", TIMEOUT, () -> ModbusDriversRuntimeIT.find(runtime, "/api/v1/meters",
                        "grid").orElse(null));
                assertTrue("no ABL before its bundle is deployed",
                        ModbusDriversRuntimeIT.find(runtime, "/api/v1/evses", "abl-garage").isEmpty());

                Path deployed = home.resolve("deploy/org.chargingmanager.wallbox.abl.jar");
                Files.copy(ablJar, deployed.resolveSibling("abl.jar.part"));
                Files.move(deployed.resolveSibling("abl.jar.part"), deployed, StandardCopyOption.ATOMIC_MOVE);

                JsonObject evse = Await.value("the hot-deployed ABL charging", TIMEOUT,
                        () -> ModbusDriversRuntimeIT.find(runtime, "/api/v1/evses", "abl-garage").filter(e ->
                                "CHARGING".equals(e.get("state").getAsString()) && dutyAmps(box) >= 6).orElse(null));
                assertEquals("abl", evse.get("driver").getAsString());
                assertEquals("0101 1020", evse.getAsJsonObject("device").get("firmwareVersion").getAsString());

                // the grid operator curtails to 50 %: the duty cycle written on the bus goes down
                double before = dutyAmps(box);
                assertEquals(200, runtime.get("/cnf?cmd=set_cm_vars&name=AVAIL&val=50").statusCode());
                Await.until("the ABL duty cycle lowered", TIMEOUT, () -> dutyAmps(box) < before);

                Files.delete(deployed);
                Await.until("the ABL gone from /api/v1/evses after its bundle is removed", TIMEOUT,
                        () -> ModbusDriversRuntimeIT.find(runtime, "/api/v1/evses", "abl-garage").isEmpty());
                assertTrue("the runtime keeps running", runtime.alive());
                String console = Files.readString(directory.resolve("console.log"));
                assertFalse(console, console.contains("ERROR"));
            } finally {
                physics.shutdownNow();
            }
        }
    }

    /** The current the written duty cycle allows (0.06 A per 0.1 %; 1000 = disabled). */
    private static double dutyAmps(SimulatedDevice box) {
        int duty = (int) box.number(DUTY).orElse(1000);
        return duty >= 100 && duty < 1000 ? duty * 0.06 : 0;
    }

    /** The eMH1 applies the duty cycle, a car draws it on three phases; the grid meter sees it plus the base load. */
    private static void step(SimulatedDevice box, SimulatedDevice grid) {
        int duty = (int) box.number(DUTY).orElse(1000);
        double carAmps = dutyAmps(box);
        int tenths = (int) Math.round(carAmps * 10);
        box.set(STATUS, 0x2E00 | (carAmps > 0 ? 0xC2 : 0xB1)).set(FLAGS_DUTY, 0x9000 | duty);
        for (Register phase : new Register[] {L1, L2, L3}) {
            box.set(phase, tenths > 0 ? tenths : 1000);
        }
        double gridAmps = BASE_LOAD_AMPS + carAmps;
        for (int phase = 0; phase < 3; phase++) {
            grid.set(SDM_AMPS[phase], gridAmps).set(SDM_WATTS[phase], gridAmps * 230);
        }
        grid.set(SDM_TOTAL_WATTS, gridAmps * 230 * 3);
    }
}
