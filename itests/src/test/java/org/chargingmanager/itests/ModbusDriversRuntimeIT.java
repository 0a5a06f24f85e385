package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.modbus.protocol.WritePolicy;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.junit.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The cFos and Eastron drivers in the standalone runtime, configured by {@code .config} files in {@code etc/},
 * against Modbus slaves on loopback: an Eastron grid meter that sees a base load plus the cFos box, a cFos box
 * whose car draws what the box allows. The cFos bundle is hot-deployed into {@code deploy/} and removed again.
 * The registers are written here from the vendors' register maps, independently of the drivers.
 */
public class ModbusDriversRuntimeIT {

    private static final double BASE_LOAD_AMPS = 30;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    // cFos Power Brain, holding registers
    private static final Register CFOS_VENDOR = Register.holding("vendor", 8000, RegisterType.U16).withoutNotAvailableMarker();
    private static final Register CFOS_SERIAL = Register.holdingString("serial", 8008, 8);
    private static final Register CFOS_METER_FLAGS = Register.holding("flags", 8057, RegisterType.U16);
    private static final Register CFOS_ENERGY = Register.holding("energy", 8058, RegisterType.U64);
    private static final Register CFOS_POWER = Register.holding("power", 8062, RegisterType.U32);
    private static final Register CFOS_L1 = Register.holding("l1", 8064, RegisterType.U32).withScale(0.1);
    private static final Register CFOS_L2 = Register.holding("l2", 8066, RegisterType.U32).withScale(0.1);
    private static final Register CFOS_L3 = Register.holding("l3", 8068, RegisterType.U32).withScale(0.1);
    private static final Register CFOS_STATE = Register.holding("state", 8092, RegisterType.U16);
    private static final Register CFOS_LIMIT = Register.holding("limit", 8093, RegisterType.U16).withScale(0.1)
            .writable(WritePolicy.EVERY_WRITE);
    private static final Register CFOS_ENABLE = Register.holding("enable", 8094, RegisterType.U16)
            .writable(WritePolicy.EVERY_WRITE);
    private static final DeviceProtocol CFOS = DeviceProtocol.of("cfos", CFOS_VENDOR, CFOS_SERIAL, CFOS_METER_FLAGS,
            CFOS_ENERGY, CFOS_POWER, CFOS_L1, CFOS_L2, CFOS_L3, CFOS_STATE, CFOS_LIMIT, CFOS_ENABLE);

    // Eastron SDM630, input registers
    private static final Register[] SDM_VOLTS = {f32("u1", 0x00), f32("u2", 0x02), f32("u3", 0x04)};
    private static final Register[] SDM_AMPS = {f32("i1", 0x06), f32("i2", 0x08), f32("i3", 0x0A)};
    private static final Register[] SDM_WATTS = {f32("p1", 0x0C), f32("p2", 0x0E), f32("p3", 0x10)};
    private static final Register SDM_TOTAL_WATTS = f32("p", 0x34);
    private static final Register SDM_HZ = f32("hz", 0x46);
    private static final Register SDM_IMPORT = f32("import", 0x48);
    private static final Register SDM_EXPORT = f32("export", 0x4A);
    private static final Register SDM_TOTAL = f32("total", 0x156);
    private static final DeviceProtocol SDM630 = DeviceProtocol.of("sdm630", SDM_VOLTS[0], SDM_VOLTS[1], SDM_VOLTS[2],
            SDM_AMPS[0], SDM_AMPS[1], SDM_AMPS[2], SDM_WATTS[0], SDM_WATTS[1], SDM_WATTS[2], SDM_TOTAL_WATTS, SDM_HZ,
            SDM_IMPORT, SDM_EXPORT, SDM_TOTAL);

    private static Register f32(String name, int address) {
        return Register.input(name, address, RegisterType.F32);
    }

    @Test
    public void driversReadAndControlTheirDevicesAndTheCfosBundleIsHotDeployedAndRemoved() throws Exception {
        Path directory = StandaloneRuntime.testDirectory("modbus-drivers");
        Path home = copyRuntime(directory.resolve("home"));
        Path cfosJar = moveOut(home, "org.chargingmanager.wallbox.cfos", directory);

        try (ModbusTcpSimulator wallboxSlave = ModbusTcpSimulator.start();
                ModbusTcpSimulator meterSlave = ModbusTcpSimulator.start().strictAddresses(true)) {
            SimulatedDevice box = wallboxSlave.device(1, CFOS);
            box.set(CFOS_VENDOR, 0xCF05).setText(CFOS_SERIAL, "CF0042").set(CFOS_METER_FLAGS, 1)
                    .set(CFOS_ENERGY, 5_000).set(CFOS_STATE, 1).set(CFOS_LIMIT, 16).set(CFOS_ENABLE, 1);
            SimulatedDevice grid = meterSlave.device(1, SDM630);
            grid.set(SDM_HZ, 50).set(SDM_IMPORT, 1_234.5).set(SDM_EXPORT, 12).set(SDM_TOTAL, 1_246.5);
            for (Register volts : SDM_VOLTS) {
                grid.set(volts, 230);
            }
            ScheduledExecutorService physics = Executors.newSingleThreadScheduledExecutor();
            physics.scheduleAtFixedRate(() -> step(box, grid), 0, 100, TimeUnit.MILLISECONDS);

            write(home.resolve("etc/org.chargingmanager.meter.eastron-grid.config"), "id=\"grid\"\nname=\"Grid\"\n"
                    + "role=\"GRID\"\nmodel=\"SDM630\"\nhost=\"127.0.0.1\"\nport=I\"" + meterSlave.port() + "\"\n"
                    + "unitId=I\"1\"\n");
            write(home.resolve("etc/org.chargingmanager.wallbox.cfos-garage.config"), "id=\"cfos-garage\"\n"
                    + "name=\"Garage\"\nhost=\"127.0.0.1\"\nport=I\"" + wallboxSlave.port() + "\"\nunitId=I\"1\"\n"
                    + "maxCurrentAmps=D\"16.0\"\n");

            try (RuntimeProcess runtime = RuntimeProcess.start(home, directory, "console.log", Map.of())) {
                JsonObject meter = Await.value("the Eastron grid meter in /api/v1/meters", TIMEOUT,
                        () -> find(runtime, "/api/v1/meters", "grid").filter(m -> m.has("powerWatts")
                                && m.getAsJsonObject("currentAmps").get("l1").getAsDouble() >= BASE_LOAD_AMPS)
                                .orElse(null));
                assertEquals("eastron", meter.get("driver").getAsString());
                assertEquals("GRID", meter.get("role").getAsString());
                assertEquals("SDM630", meter.getAsJsonObject("device").get("model").getAsString());
                assertEquals(1_234_500, meter.get("energyImportWattHours").getAsDouble(), 0.5);
                assertTrue("no cFos before its bundle is deployed", find(runtime, "/api/v1/evses", "cfos-garage").isEmpty());

                Path deployed = home.resolve("deploy/org.chargingmanager.wallbox.cfos.jar");
                Files.copy(cfosJar, deployed.resolveSibling("cfos.jar.part"));
                Files.move(deployed.resolveSibling("cfos.jar.part"), deployed, StandardCopyOption.ATOMIC_MOVE);

                JsonObject evse = Await.value("the hot-deployed cFos charging with its full limit", TIMEOUT,
                        () -> find(runtime, "/api/v1/evses", "cfos-garage").filter(e -> "CHARGING".equals(
                                e.get("state").getAsString()) && limitAmps(box) == 16.0).orElse(null));
                assertEquals("cfos", evse.get("driver").getAsString());
                assertEquals("CF0042", evse.getAsJsonObject("device").get("serialNumber").getAsString());
                assertEquals(5_000, evse.get("energyWattHours").getAsDouble(), 0.5);

                // the grid operator curtails to 50 %: 27.5 kW, 39.9 A per phase, 30 A of it the house's own
                assertEquals(200, runtime.get("/cnf?cmd=set_cm_vars&name=AVAIL&val=50").statusCode());
                Await.until("the cFos limit lowered below 10 A", TIMEOUT,
                        () -> limitAmps(box) >= 6 && limitAmps(box) <= 9.9);
                JsonObject lowered = Await.value("the lowered limit in /api/v1/evses", TIMEOUT,
                        () -> find(runtime, "/api/v1/evses", "cfos-garage").filter(e -> e.getAsJsonObject("limit")
                                .get("currentAmps").getAsDouble() <= 9.9).orElse(null));
                assertTrue(lowered.getAsJsonObject("currentAmps").get("l1").getAsDouble() <= 10);

                Files.delete(deployed);
                Await.until("the cFos gone from /api/v1/evses after its bundle is removed", TIMEOUT,
                        () -> find(runtime, "/api/v1/evses", "cfos-garage").isEmpty());
                assertTrue("the runtime keeps running", runtime.alive());
                String console = Files.readString(directory.resolve("console.log"));
                assertFalse(console, console.contains("ERROR"));
            } finally {
                physics.shutdownNow();
            }
        }
    }

    private static double limitAmps(SimulatedDevice box) {
        return box.number(CFOS_ENABLE).orElse(0) == 1 ? box.number(CFOS_LIMIT).orElse(0) : 0;
    }

    /** The car draws what the box allows; the grid meter sees the base load plus the box. */
    private static void step(SimulatedDevice box, SimulatedDevice grid) {
        double carAmps = box.number(CFOS_STATE).orElse(0) >= 1 ? limitAmps(box) : 0;
        box.set(CFOS_STATE, carAmps > 0 ? 2 : 1).set(CFOS_L1, carAmps).set(CFOS_L2, carAmps).set(CFOS_L3, carAmps)
                .set(CFOS_POWER, Math.round(carAmps * 3 * 230));
        double gridAmps = BASE_LOAD_AMPS + carAmps;
        for (int phase = 0; phase < 3; phase++) {
            grid.set(SDM_AMPS[phase], gridAmps).set(SDM_WATTS[phase], gridAmps * 230);
        }
        grid.set(SDM_TOTAL_WATTS, gridAmps * 230 * 3);
    }

    static Optional<JsonObject> find(RuntimeProcess runtime, String path, String id) {
        try {
            for (JsonElement element : JsonParser.parseString(runtime.get(path).body()).getAsJsonArray()) {
                if (id.equals(element.getAsJsonObject().get("id").getAsString())) {
                    return Optional.of(element.getAsJsonObject());
                }
            }
            return Optional.empty();
        } catch (IOException | InterruptedException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A runtime of its own, without the demo site's simulated devices. */
    static Path copyRuntime(Path home) throws IOException {
        Path source = StandaloneRuntime.runtimeDirectory().toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            files.forEach(file -> {
                Path target = home.resolve(source.relativize(file).toString());
                try {
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else if (!file.toString().contains("/data/")) {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        try (Stream<Path> configs = Files.list(home.resolve("etc"))) {
            for (Path config : (Iterable<Path>) configs::iterator) {
                if (config.getFileName().toString().startsWith("org.chargingmanager.simulator.")) {
                    Files.delete(config);
                }
            }
        }
        Files.setPosixFilePermissions(home.resolve("bin/chargingmanager"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }

    static Path moveOut(Path home, String bundleName, Path directory) throws IOException {
        try (Stream<Path> jars = Files.list(home.resolve("bundle"))) {
            Path jar = jars.filter(p -> p.getFileName().toString().startsWith(bundleName)).findFirst()
                    .orElseThrow(() -> new AssertionError(bundleName + " is not in bundle/"));
            return Files.move(jar, directory.resolve(jar.getFileName()));
        }
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
    }
}
