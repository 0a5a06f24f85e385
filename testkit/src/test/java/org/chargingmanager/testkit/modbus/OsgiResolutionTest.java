package org.chargingmanager.testkit.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.chargingmanager.modbus.protocol.RegisterCodec;
import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.modbus.SampleProtocols.Wallbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The modbus bundle with j2mod and jSerialComm as bundles of their own, in a real Felix framework with SCR and
 * pax-logging-api (which exports org.slf4j 1.7 as j2mod's mandatory import wants): every bundle resolves and
 * starts, the ModbusLines service appears and reads the simulator. Run for j2mod 3.2.1 (the pinned version) and
 * 3.3.0 (copied by the pom).
 */
class OsgiResolutionTest {

    static final String API = "org.chargingmanager.modbus.";

    @TempDir
    Path storage;

    @Test
    void j2mod321ResolvesAndTheServiceReadsTheSimulator() throws Exception {
        List<Path> bundles = common();
        bundles.add(jarOf(com.ghgande.j2mod.modbus.io.ModbusTCPTransaction.class));
        bundles.add(jarOf(com.fazecast.jSerialComm.SerialPort.class));
        assertThat(bundles.get(bundles.size() - 2).getFileName().toString()).contains("j2mod-3.2.1");
        runAndRead(bundles);
    }

    @Test
    void j2mod330ResolvesToo() throws Exception {
        String dir = System.getProperty("osgi.alternative.j2mod");
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "j2mod 3.3.0 was not copied by the pom");
        List<Path> bundles = common();
        try (Stream<Path> jars = Files.list(Path.of(dir))) {
            jars.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(bundles::add);
        }
        assertThat(bundles.stream().map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("j2mod-3.3.0"));
        runAndRead(bundles);
    }

    private List<Path> common() throws URISyntaxException {
        List<Path> bundles = new ArrayList<>();
        bundles.add(jarOf(org.ops4j.pax.logging.PaxLoggingService.class));
        bundles.add(jarOf(org.osgi.util.function.Function.class));
        bundles.add(jarOf(org.osgi.util.promise.Promise.class));
        bundles.add(jarOf(org.osgi.service.component.ComponentContext.class));
        bundles.add(jarOf(org.apache.felix.scr.info.ScrInfo.class));
        bundles.add(jarOf(org.chargingmanager.modbus.ModbusLines.class));
        return bundles;
    }

    private void runAndRead(List<Path> bundlePaths) throws Exception {
        System.setProperty("org.ops4j.pax.logging.DefaultServiceLog.level", "WARN");
        Map<String, String> config = new HashMap<>();
        config.put(Constants.FRAMEWORK_STORAGE, storage.toString());
        config.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework framework = factory.newFramework(config);
        framework.start();
        try (ModbusTcpSimulator slave = ModbusTcpSimulator.start()) {
            slave.device(1, Wallbox.PROTOCOL).set(Wallbox.POWER, 7400);
            BundleContext context = framework.getBundleContext();
            List<Bundle> installed = new ArrayList<>();
            for (Path p : bundlePaths) {
                String location = Files.isDirectory(p) ? "reference:" + p.toUri() : p.toUri().toString();
                installed.add(context.installBundle(location));
            }
            List<String> failures = new ArrayList<>();
            for (Bundle b : installed) {
                try {
                    b.start();
                } catch (BundleException e) {
                    failures.add(b.getSymbolicName() + ": " + e.getMessage());
                }
            }
            assertThat(failures).isEmpty();
            assertThat(installed).allMatch(b -> b.getState() == Bundle.ACTIVE);

            Bundle modbus = installed.stream().filter(b -> "org.chargingmanager.modbus".equals(b.getSymbolicName()))
                    .findFirst().orElseThrow();
            // getAllServiceReferences: the test's own copy of the API (system bundle) is another class space
            Await.until("the ModbusLines service", () -> allReferences(context) != null);
            ServiceReference<?> ref = allReferences(context)[0];
            assertThat(ref.getBundle()).isEqualTo(modbus);
            Object lines = context.getService(ref);

            // the service's types come from the bundle's class loader: call it reflectively
            Class<?> endpointType = modbus.loadClass(API + "ModbusEndpoint");
            Object endpoint = modbus.loadClass(API + "ModbusEndpoint$Tcp").getConstructor(String.class, int.class)
                    .newInstance("127.0.0.1", slave.port());
            Object line = modbus.loadClass(API + "ModbusLines").getMethod("open", endpointType).invoke(lines, endpoint);
            Class<?> table = modbus.loadClass(API + "ModbusTable");
            Class<?> lineType = modbus.loadClass(API + "ModbusLine");
            int[] words = (int[]) lineType.getMethod("readRegisters", int.class, table, int.class, int.class,
                    Duration.class).invoke(line, 1, table.getField("HOLDING_REGISTERS").get(null),
                            Wallbox.POWER.address(), 2, Duration.ofSeconds(2));
            assertThat(words).containsExactly(RegisterCodec.encodeNumber(Wallbox.POWER, 7400));
            lineType.getMethod("close").invoke(line);
            context.ungetService(ref);
        } finally {
            framework.stop();
            framework.waitForStop(10_000);
        }
    }

    private static ServiceReference<?>[] allReferences(BundleContext context) {
        try {
            return context.getAllServiceReferences(API + "ModbusLines", null);
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path jarOf(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

}
