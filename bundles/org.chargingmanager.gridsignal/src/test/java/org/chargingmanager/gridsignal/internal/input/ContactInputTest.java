package org.chargingmanager.gridsignal.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.chargingmanager.api.grid.GridSignals;
import org.chargingmanager.api.grid.GridSourceInfo.FailsafeSettings;
import org.chargingmanager.api.grid.GridSourceStatus;
import org.chargingmanager.api.grid.Restriction;
import org.chargingmanager.gridsignal.internal.MapVariables;
import org.chargingmanager.gridsignal.internal.TestEngines;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusTable;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.modbus.ModbusTestKit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import com.sun.net.httpserver.HttpServer;

/**
 * Contact inputs against real devices: a j2mod Modbus slave and a local HTTP server, read through the production
 * readers, evaluated by the engine with a real H2 log. The test moves the clock; only the Modbus timeout of a
 * stopped slave takes real time.
 */
class ContactInputTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path directory;
    private final MutableClock clock = new MutableClock(T0);
    private final MapVariables variables = new MapVariables();
    private final AtomicInteger changes = new AtomicInteger();
    private ModbusSlave slave;
    private HttpServer http;

    @AfterEach
    void stop() {
        if (slave != null) {
            ModbusSlaveFactory.close(slave);
        }
        if (http != null) {
            http.stop(0);
        }
    }

    private final GridSignals counting = new GridSignals() {
        @Override
        public void signalChanged(String sourceId) {
            changes.incrementAndGet();
        }

        @Override
        public List<GridSourceStatus> status() {
            return List.of();
        }

        @Override
        public List<Restriction> restrictions(Instant from, Instant to) {
            return List.of();
        }
    };

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private SimpleProcessImage startSlave(int port) throws Exception {
        SimpleProcessImage image = new SimpleProcessImage(1);
        for (int i = 0; i < 4; i++) {
            image.addDigitalIn(new SimpleDigitalIn(false));
        }
        slave = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), port, 2, false);
        slave.addProcessImage(1, image);
        slave.open();
        return image;
    }

    private static ContactInputSettings settings(Template template, String source, boolean activeWhenClosed,
            ContactMapping mapping, int[] addresses, List<URI> urls, int port) {
        return new ContactInputSettings(template.name().toLowerCase(), template, template.defaultVariable(), source,
                activeWhenClosed, Duration.ofMillis(300), Duration.ofMillis(250), Duration.ofMillis(300), "127.0.0.1",
                port, 1, ModbusTable.DISCRETE_INPUTS, addresses, urls, "state", mapping,
                new FailsafeSettings(Duration.ofSeconds(30), mapping.mostRestrictive(), Duration.ofHours(2)));
    }

    @Test
    void p14aContactOnAj2modSlaveCapsThenFailsafeWhenSilentThenReleasedAfterTheMinimumTime() throws Exception {
        int port = freePort();
        SimpleProcessImage image = startSlave(port);
        ContactMapping p14a = new ContactMapping(Template.P14A, "W", new double[] { 4200 }, 100000);
        ContactInputSettings settings = settings(Template.P14A, "MODBUS", true, p14a, new int[] { 2 }, List.of(), port);
        try (ModbusTestKit.LinesForTest lines = ModbusTestKit.lines(clock);
                TestEngines.Engine engine = TestEngines.start(variables, clock, directory)) {
            ContactInput input = new ContactInput(settings, new ModbusContactReader(
                    lines.open(new ModbusEndpoint.Tcp("127.0.0.1", port)), 1, ModbusTable.DISCRETE_INPUTS,
                    new int[] { 2 }, Duration.ofMillis(300)), counting, clock);
            engine.engine().add(input);
            variables.gridPower = () -> 11000;
            input.poll();
            engine.engine().tick();
            assertThat(variables.value("P14A")).isEqualTo(100000);

            ((SimpleDigitalIn) image.getDigitalIn(2)).set(true);
            input.poll();
            clock.advance(Duration.ofMillis(300));
            input.poll();
            engine.engine().tick();
            assertThat(variables.value("P14A")).as("capped after the debounce time").isEqualTo(4200);
            assertThat(changes.get()).isEqualTo(2);

            ((SimpleDigitalIn) image.getDigitalIn(2)).set(false);
            clock.advance(Duration.ofMillis(100));
            input.poll();
            clock.advance(Duration.ofMillis(300));
            input.poll();
            engine.engine().tick();
            assertThat(variables.value("P14A")).isEqualTo(100000);

            // the device goes silent: no failsafe before 30 s, then the cap
            ModbusSlaveFactory.close(slave);
            slave = null;
            clock.advance(Duration.ofSeconds(30));
            input.poll();
            engine.engine().tick();
            assertThat(variables.value("P14A")).isEqualTo(100000);
            clock.advance(Duration.ofSeconds(1));
            input.poll();
            engine.engine().tick();
            assertThat(variables.value("P14A")).as("failsafe").isEqualTo(4200);

            // back after 5 minutes with the contact open: the failsafe holds for 2 h from its start
            startSlave(port);
            clock.advance(Duration.ofMinutes(5));
            pollUntilAnswering(input, engine);
            assertThat(variables.value("P14A")).isEqualTo(4200);
            clock.advance(Duration.ofMinutes(115));
            input.poll();
            engine.engine().tick();
            assertThat(variables.value("P14A")).as("released 2 h after the failsafe started").isEqualTo(100000);

            List<Restriction> periods = engine.log().query(T0, T0.plus(Duration.ofDays(1)));
            assertThat(periods).extracting(Restriction::failsafe).containsExactly(false, true);
            assertThat(periods.get(0).requestedLimit()).isEqualTo(4200);
            assertThat(periods.get(0).avgPowerWatts()).isEqualTo(11000);
        }
    }

    /** The line reconnects after a back-off on the clock: move it on until the slave answers. */
    private void pollUntilAnswering(ContactInput input, TestEngines.Engine engine) {
        for (int i = 0; i < 70 && (input.current(clock.instant()).lastContact() == null
                || input.current(clock.instant()).lastContact().isBefore(clock.instant())); i++) {
            clock.advance(Duration.ofSeconds(1));
            input.poll();
        }
        engine.engine().tick();
    }

    @Test
    void polarityReversedRestrictsWhenTheContactOpens() throws Exception {
        int port = freePort();
        SimpleProcessImage image = startSlave(port);
        ((SimpleDigitalIn) image.getDigitalIn(0)).set(true);
        ContactMapping p14a = new ContactMapping(Template.P14A, "W", new double[] { 4200 }, 100000);
        ContactInputSettings settings = settings(Template.P14A, "MODBUS", false, p14a, new int[] { 0 }, List.of(), port);
        try (ModbusTestKit.LinesForTest lines = ModbusTestKit.lines(clock)) {
            ContactInput input = new ContactInput(settings, new ModbusContactReader(
                    lines.open(new ModbusEndpoint.Tcp("127.0.0.1", port)), 1, ModbusTable.DISCRETE_INPUTS,
                    new int[] { 0 }, Duration.ofMillis(300)), counting, clock);
            input.poll();
            assertThat(input.current(clock.instant()).value()).isEqualTo(100000);
            ((SimpleDigitalIn) image.getDigitalIn(0)).set(false);
            input.poll();
            clock.advance(Duration.ofMillis(300));
            input.poll();
            assertThat(input.current(clock.instant()).value()).isEqualTo(4200);
        }
    }

    @Test
    void rippleControlFromPolledUrlsOfALocalHttpServer() throws Exception {
        AtomicReference<String> contact30 = new AtomicReference<>("{\"id\":1,\"state\":false}");
        AtomicReference<String> contact60 = new AtomicReference<>("off");
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        http.createContext("/c0", exchange -> answer(exchange, "{\"id\":0,\"state\":false}"));
        http.createContext("/c1", exchange -> answer(exchange, contact30.get()));
        http.createContext("/c2", exchange -> answer(exchange, contact60.get()));
        http.start();
        String base = "http://127.0.0.1:" + http.getAddress().getPort();
        List<URI> urls = List.of(URI.create(base + "/c0"), URI.create(base + "/c1"), URI.create(base + "/c2"));
        ContactMapping ripple = new ContactMapping(Template.RIPPLE, "%", new double[] { 0, 30, 60 }, 100);
        ContactInputSettings settings = settings(Template.RIPPLE, "URL", true, ripple, new int[0], urls, 0);
        try (TestEngines.Engine engine = TestEngines.start(variables, clock, directory)) {
            ContactInput input = new ContactInput(settings, new UrlContactReader(HttpClient.newHttpClient(), urls,
                    "state", Duration.ofSeconds(2)), counting, clock);
            engine.engine().add(input);
            input.poll();
            engine.engine().tick();
            assertThat(variables.value("RIPPLE")).isEqualTo(100);
            contact60.set("on");
            input.poll();
            clock.advance(Duration.ofMillis(300));
            input.poll();
            engine.engine().tick();
            assertThat(variables.value("RIPPLE")).isEqualTo(60);
            contact30.set("{\"id\":1,\"state\":true}");
            input.poll();
            clock.advance(Duration.ofMillis(300));
            input.poll();
            engine.engine().tick();
            assertThat(variables.value("RIPPLE")).as("the most restrictive wins").isEqualTo(30);

            // nonsense from the device counts as no answer: failsafe after 30 s (0 %)
            contact30.set("<html>busy</html>");
            clock.advance(Duration.ofSeconds(31));
            input.poll();
            engine.engine().tick();
            assertThat(variables.value("RIPPLE")).isEqualTo(0);
            assertThat(engine.engine().status().get(0).failsafe()).isTrue();
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void pushedContactsCountFromTheirPushAndUnknownContactsAreRefused() throws Exception {
        PushedContacts pushed = new PushedContacts(clock);
        pushed.register("shelly", 1);
        ContactReader reader = pushed.reader("shelly", 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(reader::read).hasMessageContaining("not been pushed");
        pushed.push("shelly", 1, true);
        assertThat(reader.read()).containsExactly(true);
        assertThat(reader.lastContact(T0.plusSeconds(99))).isEqualTo(T0);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pushed.push("shelly", 2, true))
                .hasMessage("input 'shelly' has contacts 1 to 1, not 2");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pushed.push("other", 1, true))
                .hasMessage("there is no HTTP input with the id 'other'");
    }
}
