package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.Test;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.google.gson.JsonParser;

/**
 * Every kind of grid signal against the demo site of the standalone runtime (simulated grid meter, two simulated
 * cars), whose house connection is {@code 55000 * min(AVAIL, RIPPLE, MODBUS_LIMIT) / 100} W: a ripple-control
 * contact on a j2mod slave, the SMGW over mutual TLS with certificates made by the test (JDK keytool), the Modbus
 * control interface written by j2mod's master; the failsafe of a silent input; the restriction log as CSV.
 */
public class GridSignalsRuntimeIT {

    private static final String STORE_PASSWORD = "itest-store-7";

    /** The test's site: the runtime's home and ports, the SMGW's key stores, the ripple receiver's contacts. */
    static final class Site {
        Path directory;
        Path home;
        int smgwPort;
        int controlPort;
        int slavePort;
        Path smgwStore;
        Path strangerStore;
        SimpleProcessImage contacts;
        ModbusSlave slave;
    }

    /** Prepares a runtime copy with the demo site and every grid-signal source configured; starts the j2mod slave. */
    static Site prepare(String name) throws Exception {
        Site site = new Site();
        Path directory = StandaloneRuntime.testDirectory(name);
        site.directory = directory;
        Path home = copyRuntimeWithDemo(directory.resolve("home"));
        int smgwPort = StandaloneRuntime.freePort();
        int controlPort = StandaloneRuntime.freePort();
        int slavePort = StandaloneRuntime.freePort();

        // the SMGW's key and certificate, and a stranger's, made by the JDK's keytool
        Path smgwStore = keyPair(directory, "smgw", "CN=SMGW HAN EDL01");
        Path strangerStore = keyPair(directory, "stranger", "CN=SMGW HAN EDL01");
        Path smgwPem = directory.resolve("smgw.pem");
        keytool(directory, "-exportcert", "-rfc", "-alias", "smgw", "-keystore", smgwStore.toString(), "-storepass",
                STORE_PASSWORD, "-file", smgwPem.toString());

        Path etc = home.resolve("etc");
        Files.writeString(etc.resolve("org.chargingmanager.core.loadmanager.config"), "houseConnectionCurrentAmps=\"63\"\n"
                + "houseConnectionPowerWatts=\"55000 * min(AVAIL, RIPPLE, MODBUS_LIMIT) / 100\"\nfallbackCurrentAmps=D\"6.0\"\n");
        Files.writeString(etc.resolve("org.chargingmanager.smgw.config"), "port=I\"" + smgwPort + "\"\n"
                + "bindAddress=\"127.0.0.1\"\ntrustedCertificates=\"" + smgwPem + "\"\n");
        Files.writeString(etc.resolve("org.chargingmanager.gridsignal.modbus.config"), "port=I\"" + controlPort + "\"\n"
                + "bindAddress=\"127.0.0.1\"\nallowedClients=[\"127.0.0.1\"]\n");
        Files.writeString(etc.resolve("org.chargingmanager.gridsignal.input-ripple.config"), "id=\"ripple\"\n"
                + "template=\"RIPPLE\"\nsource=\"MODBUS\"\nhost=\"127.0.0.1\"\nport=I\"" + slavePort + "\"\n"
                + "addresses=[\"0\",\"1\",\"2\"]\nlostAfterSeconds=I\"3\"\nfailsafeLimit=\"20\"\n"
                + "failsafeMinimumSeconds=I\"8\"\n");
        // §14a: a box whose contact a Shelly pushes over HTTP; both demo charging points are controllable devices
        Files.writeString(etc.resolve("org.chargingmanager.gridsignal.input-p14a.config"), "id=\"p14a\"\n"
                + "template=\"P14A\"\nsource=\"HTTP\"\nlostAfterSeconds=I\"0\"\n");
        for (String evse : List.of("demo1", "demo2")) {
            Files.writeString(etc.resolve("org.chargingmanager.core.evse-" + evse + ".config"), "evseId=\"" + evse
                    + "-1\"\nmaxPowerWatts=\"P14A\"\n");
        }

        SimpleProcessImage contacts = new SimpleProcessImage(1);
        for (int i = 0; i < 3; i++) {
            contacts.addDigitalIn(new SimpleDigitalIn(false));
        }
        site.home = home;
        site.smgwPort = smgwPort;
        site.controlPort = controlPort;
        site.slavePort = slavePort;
        site.smgwStore = smgwStore;
        site.strangerStore = strangerStore;
        site.contacts = contacts;
        site.slave = startSlave(slavePort, contacts);
        return site;
    }

    @Test
    public void eachGridSignalCurtailsTheSiteAndEveryPeriodIsLogged() throws Exception {
        Site site = prepare("grid-signals");
        Path directory = site.directory;
        Path home = site.home;
        int smgwPort = site.smgwPort;
        int controlPort = site.controlPort;
        int slavePort = site.slavePort;
        Path smgwStore = site.smgwStore;
        Path strangerStore = site.strangerStore;
        SimpleProcessImage contacts = site.contacts;
        ModbusSlave slave = site.slave;
        try (RuntimeProcess runtime = RuntimeProcess.start(home, directory, "console.log", Map.of())) {
            try {
                awaitGridPower(runtime, watts -> watts > 20_000, 30_000, "both demo cars at full power");

                // ripple control: the 30 % contact closes
                ((SimpleDigitalIn) contacts.getDigitalIn(1)).set(true);
                long ms = awaitGridPower(runtime, watts -> watts <= 16_500, 2_000, "ripple 30 %: at most 16.5 kW");
                System.out.printf("ripple-control contact -> curtailed grid power after %d ms%n", ms);
                ((SimpleDigitalIn) contacts.getDigitalIn(1)).set(false);
                awaitGridPower(runtime, watts -> watts > 20_000, 10_000, "full power after the contact opened");

                // the SMGW over mutual TLS: AVAIL 40 without a password
                X509Certificate ours = ourCertificate(runtime);
                String answer = smgwRequest(smgwStore, ours, smgwPort, "/cnf?cmd=set_cm_vars&name=AVAIL&val=40");
                assertTrue(answer, answer.startsWith("HTTP/1.1 200"));
                ms = awaitGridPower(runtime, watts -> watts <= 22_000, 3_000, "AVAIL 40 %: at most 22 kW");
                System.out.printf("SMGW AVAIL=40 -> curtailed grid power after %d ms%n", ms);
                String forbidden = smgwRequest(smgwStore, ours, smgwPort, "/cnf?cmd=set_cm_vars&name=LIMIT&val=1");
                assertTrue(forbidden, forbidden.startsWith("HTTP/1.1 403"));
                try {
                    smgwRequest(strangerStore, ours, smgwPort, "/cnf?cmd=set_cm_vars&name=AVAIL&val=100");
                    fail("a stranger's certificate must be refused at the handshake");
                } catch (IOException expected) {
                    // refused
                }
                assertEquals(40.0, variable(runtime, "AVAIL"), 0);
                smgwRequest(smgwStore, ours, smgwPort, "/cnf?cmd=set_cm_vars&name=AVAIL&val=100");
                awaitGridPower(runtime, watts -> watts > 20_000, 10_000, "full power at AVAIL 100");

                // the grid operator's box over Modbus: 30 %
                ModbusTCPMaster box = new ModbusTCPMaster("127.0.0.1", controlPort, 3000, false, false);
                box.connect();
                try {
                    int chargingWatts = box.readMultipleRegisters(1, 40004, 2)[1].getValue();
                    assertTrue("ChaW " + chargingWatts, chargingWatts > 0);
                    box.writeMultipleRegisters(1, 40008, new com.ghgande.j2mod.modbus.procimg.Register[] {
                            new SimpleRegister(30), new SimpleRegister(1) });
                    ms = awaitGridPower(runtime, watts -> watts < 16_500, 3_000, "Modbus 30 %: below 16.5 kW");
                    System.out.printf("Modbus control 30 %% -> curtailed grid power after %d ms%n", ms);
                    assertEquals("a client not on the allow-list is refused", -1, writeFrom("127.0.0.2", controlPort));
                    box.writeSingleRegister(1, 40009, new SimpleRegister(0));
                } finally {
                    box.disconnect();
                }
                awaitGridPower(runtime, watts -> watts > 20_000, 10_000, "full power after the box released");

                // §14a: the control box's contact closes (pushed over HTTP): each car at most 4.2 kW
                HttpResponse<String> closed = runtime.get("/api/v1/grid/inputs/p14a/1?state=closed");
                assertEquals(closed.body(), 200, closed.statusCode());
                long pushedAt = System.nanoTime();
                Await.until("each controllable charging point at most 4200 W", Duration.ofSeconds(3),
                        () -> evsePowers(runtime).stream().allMatch(watts -> watts <= 4_200));
                System.out.printf("§14a contact (HTTP) -> each charging point at most 4.2 kW after %d ms%n",
                        (System.nanoTime() - pushedAt) / 1_000_000);
                assertEquals(404, runtime.get("/api/v1/grid/inputs/p14a/2?state=closed").statusCode());
                assertEquals(400, runtime.get("/api/v1/grid/inputs/p14a/1?state=maybe").statusCode());
                assertEquals(401, runtime.getWithoutPassword("/api/v1/grid/inputs/p14a/1?state=open").statusCode());
                assertEquals(200, runtime.get("/api/v1/grid/inputs/p14a/1?state=open").statusCode());
                awaitGridPower(runtime, watts -> watts > 20_000, 15_000, "full power after the §14a contact opened");

                // the ripple receiver's Modbus device goes silent: failsafe 20 % after 3 s, kept 8 s
                ModbusSlaveFactory.close(slave);
                long silentAt = System.nanoTime();
                ms = awaitGridPower(runtime, watts -> watts <= 11_000, 10_000, "failsafe 20 %: at most 11 kW");
                System.out.printf("input silent -> failsafe power after %d ms (lost after 3 s)%n", ms);
                slave = startSlave(slavePort, contacts);
                awaitGridPower(runtime, watts -> watts > 20_000, 40_000, "released after the minimum time");
                long releasedAfter = (System.nanoTime() - silentAt) / 1_000_000;
                assertTrue("kept at least the minimum time: " + releasedAfter + " ms", releasedAfter >= 3_000 + 8_000);

                // the restriction log
                HttpResponse<String> csv = runtime.get("/api/v1/grid/restrictions.csv");
                assertEquals(csv.body(), 200, csv.statusCode());
                List<String> rows = csv.body().lines().toList();
                System.out.println(csv.body());
                assertTrue(rows.get(0).startsWith("id,source,kind,start,end"));
                assertRow(rows, "input-ripple", ",30,%,false,");
                assertRow(rows, "smgw", ",40,%,false,");
                assertRow(rows, "modbus", ",30,%,false,");
                assertRow(rows, "input-ripple", ",20,%,true,");
                assertRow(rows, "input-p14a", ",4200,W,false,");
                assertEquals(401, runtime.getWithoutPassword("/api/v1/grid/restrictions.csv").statusCode());
                // the grid operator fetches the same log through the SMGW's channel
                String overSmgw = smgwRequest(smgwStore, ours, smgwPort, "/api/v1/grid/restrictions.csv");
                assertTrue(overSmgw, overSmgw.startsWith("HTTP/1.1 200") && overSmgw.contains(",smgw,SMGW,")
                        && overSmgw.contains(",input-p14a,"));
            } catch (AssertionError | RuntimeException | IOException e) {
                System.out.println(Files.readString(runtime.log));
                throw e;
            }
        } finally {
            ModbusSlaveFactory.close(slave);
        }
    }

    private static void assertRow(List<String> rows, String source, String limit) {
        for (String row : rows) {
            String[] cells = row.split(",");
            if (cells.length >= 13 && cells[1].equals(source) && row.contains(limit)) {
                assertTrue("ended: " + row, !cells[4].isEmpty());
                assertTrue("power measured: " + row, !cells[10].isEmpty() && Long.parseLong(cells[12]) > 0);
                return;
            }
        }
        fail("no restriction by " + source + " with " + limit + " in " + rows);
    }

    static ModbusSlave startSlave(int port, SimpleProcessImage image) throws Exception {
        ModbusSlave slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        slave.addProcessImage(1, image);
        slave.open();
        return slave;
    }

    /** A Modbus write of register 40008 from another loopback address: the byte read back, -1 if disconnected. */
    private static int writeFrom(String localAddress, int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write(new byte[] { 0, 1, 0, 0, 0, 6, 1, 6, (byte) 0x9C, 0x48, 0, 0 });
            try {
                return socket.getInputStream().read();
            } catch (IOException reset) {
                return -1;
            }
        }
    }

    private static Path keyPair(Path directory, String alias, String subject) throws Exception {
        Path store = directory.resolve(alias + ".p12");
        keytool(directory, "-genkeypair", "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", subject,
                "-validity", "30", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD);
        return store;
    }

    private static void keytool(Path directory, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(output, 0, process.waitFor());
    }

    static X509Certificate ourCertificate(RuntimeProcess runtime) throws Exception {
        Path pem = runtime.directory.resolve("data/smgw/smgw-certificate.pem");
        Await.until("the generated SMGW certificate", Duration.ofSeconds(30), () -> Files.exists(pem));
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** One HTTPS request on the mutual-TLS listener with the key in {@code store}; the raw response. */
    static String smgwRequest(Path store, X509Certificate trusted, int port, String target) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, STORE_PASSWORD.toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("cm", trusted);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.1\r\nHost: cm\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            socket.getInputStream().transferTo(response);
            if (response.size() == 0) {
                throw new IOException("no answer");
            }
            return response.toString(StandardCharsets.UTF_8);
        }
    }

    private static List<Double> evsePowers(RuntimeProcess runtime) {
        try {
            List<Double> powers = new java.util.ArrayList<>();
            for (var evse : JsonParser.parseString(runtime.get("/api/v1/evses").body()).getAsJsonArray()) {
                powers.add(evse.getAsJsonObject().get("powerWatts").getAsDouble());
            }
            return powers;
        } catch (Exception e) {
            return List.of(Double.MAX_VALUE);
        }
    }

    private static double variable(RuntimeProcess runtime, String name) throws Exception {
        HttpResponse<String> response = runtime.get("/cnf?cmd=get_cm_vars");
        for (var element : JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("vars")) {
            if (element.getAsJsonObject().get("name").getAsString().equalsIgnoreCase(name)) {
                return element.getAsJsonObject().get("value").getAsDouble();
            }
        }
        throw new AssertionError(name + " missing");
    }

    /** Polls the simulated grid meter; returns the milliseconds until the condition held. */
    static long awaitGridPower(RuntimeProcess runtime, DoublePredicate condition, long timeoutMillis, String what)
            throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeoutMillis * 1_000_000;
        double power;
        do {
            HttpResponse<String> response = runtime.get("/api/v1/meters/grid");
            power = response.statusCode() == 200
                    ? JsonParser.parseString(response.body()).getAsJsonObject().get("powerWatts").getAsDouble()
                    : Double.NaN;
            if (condition.test(power)) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what + "; last " + power + " W");
    }

    /** A copy of the built runtime, with the demo site. */
    static Path copyRuntimeWithDemo(Path home) throws IOException {
        Path source = StandaloneRuntime.runtimeDirectory().toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = home.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.toString().contains("/data/")) {
                    Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.setPosixFilePermissions(home.resolve("bin/chargingmanager"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
