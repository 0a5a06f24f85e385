package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.testkit.goe.GoeSimulator;
import org.chargingmanager.testkit.keba.KebaSimulator;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.chargingmanager.testkit.shelly.ShellySimulator;
import org.junit.Test;

import com.google.gson.JsonObject;

/**
 * The KEBA, go-e and Shelly drivers in the standalone runtime, configured by {@code .config} files in {@code etc/},
 * against the test kit's protocol simulators on loopback, with an Eastron heat pump meter from the driver kit: the
 * Shelly Pro 3EM at the house connection (with digest authentication) sees the house plus both cars, and the load
 * manager shares a 32 A house connection between the KEBA and the go-e — the limits are read at the simulators. The
 * go-e bundle is hot-deployed into {@code deploy/} and removed again. A one-phase meter the project has no bundle for
 * runs from a definition file in {@code etc/devices/}. The KEBA simulator checks the spacing rules
 * with the system clock (50 ms tolerance for its receiving thread).
 */
public class BrandDriversRuntimeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final String SHELLY_PASSWORD = "itest-Shelly-9";

    private static final Register SDM_HZ = f32("hz", 0x46);
    private static final Register[] SDM_VOLTS = {f32("u1", 0x00), f32("u2", 0x02), f32("u3", 0x04)};
    private static final Register[] SDM_AMPS = {f32("i1", 0x06), f32("i2", 0x08), f32("i3", 0x0A)};
    private static final Register[] SDM_WATTS = {f32("p1", 0x0C), f32("p2", 0x0E), f32("p3", 0x10)};
    private static final Register SDM_TOTAL_WATTS = f32("p", 0x34);
    private static final Register SDM_IMPORT = f32("import", 0x48);
    private static final Register SDM_EXPORT = f32("export", 0x4A);
    private static final Register SDM_TOTAL = f32("total", 0x156);
    private static final DeviceProtocol SDM630 = DeviceProtocol.of("sdm630", SDM_VOLTS[0], SDM_VOLTS[1], SDM_VOLTS[2],
            SDM_AMPS[0], SDM_AMPS[1], SDM_AMPS[2], SDM_WATTS[0], SDM_WATTS[1], SDM_WATTS[2], SDM_TOTAL_WATTS, SDM_HZ,
            SDM_IMPORT, SDM_EXPORT, SDM_TOTAL);

    /** The house's own load per phase besides the heat pump, in A; raised during the test. */
    private volatile double otherLoadAmps = 5;
    private static final double HEAT_PUMP_AMPS = 3;

    private static final Register SDM120_POWER = f32("p", 0x0C);
    private static final Register SDM120_IMPORT = f32("import", 0x48);
    private static final String SDM120_DEFINITION = "{\"name\": \"Eastron SDM120 (definition file)\", "
            + "\"kind\": \"meter\", \"protocol\": \"modbus\", \"maxGap\": 0, \"registers\": ["
            + "{\"name\": \"power\", \"table\": \"input\", \"address\": 12, \"type\": \"F32\"},"
            + "{\"name\": \"import\", \"table\": \"input\", \"address\": 72, \"type\": \"F32\"}],"
            + "\"values\": {\"power\": \"power\", \"powerL1\": \"power\","
            + "\"energyImport\": {\"source\": \"import\", \"scale\": 1000}}}";

    private static Register f32(String name, int address) {
        return Register.input(name, address, RegisterType.F32);
    }

    @Test
    public void kebaGoeShellyAndEastronShareA32AmpereConnection() throws Exception {
        Path directory = StandaloneRuntime.testDirectory("brand-drivers");
        Path home = ModbusDriversRuntimeIT.copyRuntime(directory.resolve("home"));
        Path goeJar = ModbusDriversRuntimeIT.moveOut(home, "org.chargingmanager.wallbox.goe", directory);
        int kebaLocalPort = freeUdpPort();

        try (KebaSimulator keba = KebaSimulator.start(Clock.systemUTC(), Duration.ofMillis(50));
                GoeSimulator goe = GoeSimulator.start(GoeSimulator.Api.V2, Clock.systemUTC());
                ShellySimulator shelly = ShellySimulator.start(ShellySimulator.Model.PRO_3EM, SHELLY_PASSWORD);
                ModbusTcpSimulator modbus = ModbusTcpSimulator.start().strictAddresses(true)) {
            keba.plugCar(32000, 3);
            SimulatedDevice heatPump = modbus.device(1, SDM630);
            heatPump.set(SDM_HZ, 50).set(SDM_IMPORT, 4_321).set(SDM_EXPORT, 0).set(SDM_TOTAL, 4_321);
            for (int phase = 0; phase < 3; phase++) {
                heatPump.set(SDM_VOLTS[phase], 230).set(SDM_AMPS[phase], HEAT_PUMP_AMPS)
                        .set(SDM_WATTS[phase], HEAT_PUMP_AMPS * 230);
            }
            heatPump.set(SDM_TOTAL_WATTS, HEAT_PUMP_AMPS * 230 * 3);
            // a one-phase meter the project has no bundle for, described in a definition file: Eastron SDM120 map
            SimulatedDevice balcony = modbus.device(2, DeviceProtocol.of("sdm120", SDM120_POWER, SDM120_IMPORT));
            balcony.set(SDM120_POWER, 420).set(SDM120_IMPORT, 321.5);
            ScheduledExecutorService physics = Executors.newSingleThreadScheduledExecutor();
            physics.scheduleAtFixedRate(() -> step(keba, goe, shelly), 0, 100, TimeUnit.MILLISECONDS);

            // a grid reading that lags a car's start (the KEBA reports every 5 s) may bring the safe fallback
            // for a moment, which pauses one car; a short minimum pause keeps that from outlasting the waits below
            write(home, "org.chargingmanager.core.loadmanager.config", "houseConnectionCurrentAmps=\"32\"\n"
                    + "houseConnectionPowerWatts=\"\"\ngridMeterId=\"grid\"\nfallbackCurrentAmps=D\"6.0\"\n"
                    + "minimumPauseSeconds=I\"10\"\n");
            write(home, "org.chargingmanager.meter.shelly-grid.config", "id=\"grid\"\nname=\"House connection\"\n"
                    + "role=\"GRID\"\nmodel=\"PRO_3EM\"\nhost=\"127.0.0.1\"\nport=I\"" + shelly.port() + "\"\n"
                    + ".password=\"" + SHELLY_PASSWORD + "\"\n");
            write(home, "org.chargingmanager.meter.eastron-heatpump.config", "id=\"heatpump\"\nname=\"Heat pump\"\n"
                    + "role=\"CONSUMER\"\nmodel=\"SDM630\"\nhost=\"127.0.0.1\"\nport=I\"" + modbus.port() + "\"\n"
                    + "unitId=I\"1\"\n");
            Files.createDirectories(home.resolve("etc/devices"));
            write(home, "devices/sdm120.json", SDM120_DEFINITION);
            write(home, "org.chargingmanager.device.definition-balcony.config", "id=\"balcony\"\n"
                    + "definition=\"devices/sdm120.json\"\nhost=\"127.0.0.1\"\nport=I\"" + modbus.port() + "\"\n"
                    + "unitId=I\"2\"\nrole=\"CONSUMER\"\n");
            write(home, "org.chargingmanager.wallbox.keba-garage.config", "id=\"keba-garage\"\nname=\"Garage\"\n"
                    + "host=\"127.0.0.1\"\nport=I\"" + keba.port() + "\"\nlocalPort=I\"" + kebaLocalPort + "\"\n"
                    + "maxCurrentAmps=D\"16.0\"\n");
            write(home, "org.chargingmanager.wallbox.goe-carport.config", "id=\"goe-carport\"\nname=\"Carport\"\n"
                    + "host=\"127.0.0.1\"\nport=I\"" + goe.port() + "\"\nmaxCurrentAmps=D\"16.0\"\n");

            try (RuntimeProcess runtime = RuntimeProcess.start(home, directory, "console.log", Map.of())) {
                JsonObject grid = Await.value("the Shelly grid meter in /api/v1/meters", TIMEOUT,
                        () -> ModbusDriversRuntimeIT.find(runtime, "/api/v1/meters", "grid")
                                .filter(m -> m.has("powerWatts")).orElse(null));
                assertEquals("shelly", grid.get("driver").getAsString());
                assertEquals("GRID", grid.get("role").getAsString());
                JsonObject pump = Await.value("the Eastron heat pump meter", TIMEOUT,
                        () -> ModbusDriversRuntimeIT.find(runtime, "/api/v1/meters", "heatpump")
                                .filter(m -> m.has("powerWatts")).orElse(null));
                assertEquals(HEAT_PUMP_AMPS * 230 * 3, pump.get("powerWatts").getAsDouble(), 1);
                JsonObject fromFile = Await.value("the meter from the definition file", TIMEOUT,
                        () -> ModbusDriversRuntimeIT.find(runtime, "/api/v1/meters", "balcony")
                                .filter(m -> m.has("powerWatts")).orElse(null));
                assertEquals("definition", fromFile.get("driver").getAsString());
                assertEquals(420, fromFile.get("powerWatts").getAsDouble(), 0.5);
                assertEquals(321_500, fromFile.get("energyImportWattHours").getAsDouble(), 1);

                // the KEBA alone: its car gets its maximum, 16 A (8 A of house load leave 24 A)
                Await.until("the KEBA charging at 16 A", TIMEOUT, () -> keba.drawnMilliamps() == 16000);
                JsonObject kebaEvse = Await.value("the KEBA in /api/v1/evses", TIMEOUT,
                        () -> ModbusDriversRuntimeIT.find(runtime, "/api/v1/evses", "keba-garage")
                                .filter(e -> "CHARGING".equals(e.get("state").getAsString())).orElse(null));
                assertEquals("keba", kebaEvse.get("driver").getAsString());
                assertEquals("17012345", kebaEvse.getAsJsonObject("device").get("serialNumber").getAsString());

                // hot deploy of the go-e bundle: the two share the 24 A
                Path deployed = home.resolve("deploy/org.chargingmanager.wallbox.goe.jar");
                Files.copy(goeJar, deployed.resolveSibling("goe.jar.part"));
                Files.move(deployed.resolveSibling("goe.jar.part"), deployed, StandardCopyOption.ATOMIC_MOVE);
                goe.plugCar(32000, 3);
                Await.until("KEBA and go-e sharing 24 A, about 12 A each", TIMEOUT,
                        () -> goe.drawnMilliamps() >= 10000 && keba.drawnMilliamps() >= 10000
                                && keba.drawnMilliamps() + goe.drawnMilliamps() <= 24000);
                JsonObject goeEvse = Await.value("the go-e in /api/v1/evses", TIMEOUT,
                        () -> ModbusDriversRuntimeIT.find(runtime, "/api/v1/evses", "goe-carport")
                                .filter(e -> "CHARGING".equals(e.get("state").getAsString())).orElse(null));
                assertEquals("goe", goeEvse.get("driver").getAsString());

                // the house draws 12 A more: 12 A are left for both cars (6 A each, or one of them paused while the
                // KEBA's measurements, at most every 5 s, lag behind)
                otherLoadAmps = 17;
                Await.until("the cars within the 12 A left, the house connection within 32 A", TIMEOUT,
                        () -> keba.drawnMilliamps() + goe.drawnMilliamps() <= 12000
                                && keba.drawnMilliamps() + goe.drawnMilliamps() >= 6000 && gridAmps(keba, goe) <= 32.0);
                assertTrue("the limits at the boxes: KEBA " + keba.allowedMilliamps() + " mA, go-e " + goe.amps() + " A",
                        keba.allowedMilliamps() <= 12000 && goe.amps() <= 12);

                // the go-e bundle removed: it is gone, the runtime runs on
                Files.delete(deployed);
                Await.until("the go-e gone from /api/v1/evses", TIMEOUT,
                        () -> ModbusDriversRuntimeIT.find(runtime, "/api/v1/evses", "goe-carport").isEmpty());
                assertTrue("the runtime keeps running", runtime.alive());
                String console = Files.readString(directory.resolve("console.log"));
                assertFalse(console, console.contains("ERROR"));
                assertFalse("the Shelly password is never logged", console.contains(SHELLY_PASSWORD));
                assertEquals("the Shelly's digest authentication is answered right", 0,
                        shelly.rejectedAuthorizations());
                assertEquals("no EEPROM write at the go-e", 0, goe.eepromWrites());
                assertEquals("no EEPROM write at the KEBA", 0, keba.eepromWrites());
                keba.assertTimingRulesKept();
            } finally {
                physics.shutdownNow();
            }
        }
    }

    private double gridAmps(KebaSimulator keba, GoeSimulator goe) {
        return otherLoadAmps + HEAT_PUMP_AMPS + keba.drawnMilliamps() / 1000.0 + goe.drawnMilliamps() / 1000.0;
    }

    /** The Shelly at the house connection sees the house, the heat pump and both cars. */
    private void step(KebaSimulator keba, GoeSimulator goe, ShellySimulator shelly) {
        double amps = gridAmps(keba, goe);
        for (int phase = 0; phase < 3; phase++) {
            shelly.phase(phase, 230, amps, amps * 230);
        }
    }

    private static int freeUdpPort() throws Exception {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    private static void write(Path home, String file, String content) throws Exception {
        Files.writeString(home.resolve("etc").resolve(file), content);
    }
}
