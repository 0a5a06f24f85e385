package org.chargingmanager.testkit.modbus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusException.Kind;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusTable;
import org.chargingmanager.modbus.protocol.ModbusDevice;
import org.chargingmanager.modbus.protocol.RegisterValues;
import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.modbus.SampleProtocols.Meter;
import org.chargingmanager.testkit.modbus.SampleProtocols.Wallbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The production lines (j2mod) against the simulator: sharing, queueing, timeouts, reconnects, faults. */
class ModbusLinesTest {

    static final Duration TIMEOUT = Duration.ofSeconds(2);
    static final Duration SHORT_TIMEOUT = Duration.ofMillis(400);

    MutableClock clock;
    ModbusTestKit.LinesForTest lines;
    ModbusTcpSimulator slave;
    ExecutorService executor;

    @BeforeEach
    void setUp() {
        clock = new MutableClock();
        lines = ModbusTestKit.lines(clock);
        slave = ModbusTcpSimulator.start();
        executor = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() {
        executor.shutdownNow();
        lines.close();
        slave.close();
    }

    ModbusDevice wallbox(ModbusLine line, int unitId, Duration timeout) {
        return new ModbusDevice(line, unitId, Wallbox.PROTOCOL, timeout, clock);
    }

    @Test
    void devicesOnOneEndpointShareOneConnectionUntilTheLastHandleCloses() throws Exception {
        slave.device(1, Wallbox.PROTOCOL).set(Wallbox.POWER, 7400);
        slave.device(2, Wallbox.PROTOCOL).set(Wallbox.POWER, 3700);
        ModbusLine first = lines.open(slave.endpoint());
        ModbusLine second = lines.open(new ModbusEndpoint.Tcp("127.0.0.1", slave.port()));

        assertThat(wallbox(first, 1, TIMEOUT).read().number(Wallbox.POWER)).hasValue(7400);
        assertThat(wallbox(second, 2, TIMEOUT).read().number(Wallbox.POWER)).hasValue(3700);
        assertThat(slave.connectionsAccepted()).isEqualTo(1);
        assertThat(lines.openLineCount()).isEqualTo(1);

        first.close();
        first.close(); // idempotent
        assertThat(wallbox(second, 2, TIMEOUT).read().number(Wallbox.POWER)).hasValue(3700);
        assertThatThrownBy(() -> first.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 8062, 2, TIMEOUT))
                .isInstanceOfSatisfying(ModbusException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CLOSED));
        second.close();
        assertThat(lines.openLineCount()).isZero();
        Await.until("the shared connection to close", () -> slave.openConnections() == 0);
    }

    @Test
    void requestsOfManyThreadsAreSerialisedAndNeverCrossed() throws Exception {
        int units = 5;
        for (int unit = 1; unit <= units; unit++) {
            slave.device(unit, Wallbox.PROTOCOL).set(Wallbox.POWER, 1000 * unit).set(Wallbox.ENERGY, 100_000L * unit);
        }
        List<Future<Integer>> results = new ArrayList<>();
        for (int unit = 1; unit <= units; unit++) {
            int u = unit;
            ModbusLine line = lines.open(slave.endpoint());
            results.add(executor.submit(() -> {
                ModbusDevice device = wallbox(line, u, TIMEOUT);
                for (int i = 0; i < 40; i++) {
                    RegisterValues v = device.read();
                    assertThat(v.number(Wallbox.POWER)).hasValue(1000 * u);
                    assertThat(v.number(Wallbox.ENERGY)).hasValue(100_000 * u);
                }
                return u;
            }));
        }
        for (Future<Integer> f : results) {
            f.get(60, TimeUnit.SECONDS);
        }
        assertThat(slave.connectionsAccepted()).isEqualTo(1);
        assertThat(slave.pipelinedRequests()).as("a request sent before the previous answer").isZero();
        assertThat(slave.device(1).requestCount()).isEqualTo(40 * Wallbox.PROTOCOL.pollPlan().size());
    }

    @Test
    void aSilentDeviceOnOneLineDoesNotDelayADeviceOnAnother() throws Exception {
        slave.device(1, Wallbox.PROTOCOL).stopAnswering();
        try (ModbusTcpSimulator other = ModbusTcpSimulator.start()) {
            other.device(1, Wallbox.PROTOCOL).set(Wallbox.POWER, 11_000);
            ModbusLine silentLine = lines.open(slave.endpoint());
            ModbusLine goodLine = lines.open(other.endpoint());
            Duration longTimeout = Duration.ofSeconds(5);
            Future<RegisterValues> hanging = executor.submit(() -> wallbox(silentLine, 1, longTimeout).read());
            Await.until("the silent device to receive the request", () -> slave.device(1).requestCount() == 1);

            long start = System.nanoTime();
            ModbusDevice good = wallbox(goodLine, 1, TIMEOUT);
            for (int i = 0; i < 20; i++) {
                assertThat(good.read().number(Wallbox.POWER)).hasValue(11_000);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(hanging.isDone()).as("the silent device's read is still waiting").isFalse();
            assertThat(took).isLessThan(longTimeout);

            assertThatThrownBy(() -> hanging.get(20, TimeUnit.SECONDS)).hasCauseInstanceOf(ModbusException.class)
                    .satisfies(e -> assertThat(((ModbusException) e.getCause()).kind()).isEqualTo(Kind.TIMEOUT));
        }
    }

    @Test
    void onOneLineASilentDeviceDelaysTheOthersOnlyByItsTimeout() throws Exception {
        slave.device(1, Wallbox.PROTOCOL).stopAnswering();
        slave.device(2, Wallbox.PROTOCOL).set(Wallbox.POWER, 2200);
        ModbusLine line = lines.open(slave.endpoint());
        ModbusDevice silent = new ModbusDevice(line, 1, Wallbox.PROTOCOL, SHORT_TIMEOUT, clock);
        ModbusDevice good = wallbox(line, 2, TIMEOUT);

        Future<RegisterValues> hanging = executor.submit(() -> silent.read());
        Await.until("the silent device to receive the request", () -> slave.device(1).requestCount() == 1);
        long start = System.nanoTime();
        assertThat(good.read().number(Wallbox.POWER)).hasValue(2200);
        Duration waited = Duration.ofNanos(System.nanoTime() - start);

        assertThatThrownBy(() -> hanging.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(ModbusException.class)
                .satisfies(e -> assertThat(((ModbusException) e.getCause()).kind()).isEqualTo(Kind.TIMEOUT));
        // it waited for the silent device's 400 ms, then its own request (generous margin for a loaded machine)
        assertThat(waited).isLessThan(SHORT_TIMEOUT.plus(Duration.ofMillis(1500)));
        // a late answer cannot be mistaken for the next one: the timed-out connection was replaced
        assertThat(slave.connectionsAccepted()).isEqualTo(2);
        assertThat(good.read().number(Wallbox.POWER)).hasValue(2200);
    }

    @Test
    void theLineReconnectsWithBackOffWhenTheSlaveGoesAndComesBack() throws Exception {
        slave.device(1, Wallbox.PROTOCOL).set(Wallbox.POWER, 5000);
        ModbusLine line = lines.open(slave.endpoint());
        ModbusDevice device = wallbox(line, 1, TIMEOUT);
        assertThat(device.read().number(Wallbox.POWER)).hasValue(5000);
        assertThat(line.connected()).isTrue();
        assertThat(line.connectionCount()).isEqualTo(1);

        slave.stop();
        ModbusException lost = catchModbus(device::read);
        assertThat(lost.kind()).isIn(Kind.CONNECTION_LOST, Kind.NOT_CONNECTED);
        if (lost.kind() == Kind.CONNECTION_LOST) {
            assertThat(catchModbus(device::read).kind()).isEqualTo(Kind.NOT_CONNECTED); // refused: back-off starts
        }
        assertThat(line.connected()).isFalse();

        slave.resume();
        ModbusException waiting = catchModbus(device::read);
        assertThat(waiting.kind()).isEqualTo(Kind.NOT_CONNECTED);
        assertThat(waiting.getMessage()).contains("next attempt at");
        int acceptedBefore = slave.connectionsAccepted();

        clock.advance(Duration.ofSeconds(1));
        assertThat(device.read().number(Wallbox.POWER)).hasValue(5000);
        assertThat(slave.connectionsAccepted()).isEqualTo(acceptedBefore + 1);
        assertThat(line.connectionCount()).isEqualTo(2);
    }

    @Test
    void theBackOffDoublesWhileTheSlaveStaysAway() throws Exception {
        slave.device(1, Wallbox.PROTOCOL);
        ModbusLine line = lines.open(slave.endpoint());
        ModbusDevice device = wallbox(line, 1, TIMEOUT);
        slave.stop();
        assertThat(catchModbus(device::read).kind()).isEqualTo(Kind.NOT_CONNECTED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(catchModbus(device::read).getMessage()).contains("cannot connect").contains("2000 ms");
        clock.advance(Duration.ofSeconds(1));
        assertThat(catchModbus(device::read).getMessage()).contains("next attempt at");
        clock.advance(Duration.ofSeconds(1));
        assertThat(catchModbus(device::read).getMessage()).contains("cannot connect").contains("4000 ms");
        slave.resume();
        clock.advance(Duration.ofSeconds(4));
        device.read();
    }

    @Test
    void aDeviceThatDropsItsClientsIsReconnectedAtOnce() throws Exception {
        slave.device(1, Wallbox.PROTOCOL).set(Wallbox.POWER, 1);
        ModbusLine line = lines.open(slave.endpoint());
        ModbusDevice device = wallbox(line, 1, TIMEOUT);
        device.read();
        slave.dropConnections();
        Await.until("the connection to be gone", () -> slave.openConnections() == 0);
        assertThat(catchModbus(device::read).kind()).isIn(Kind.CONNECTION_LOST, Kind.TIMEOUT);
        assertThat(device.read().number(Wallbox.POWER)).hasValue(1);
        assertThat(slave.connectionsAccepted()).isEqualTo(2);
    }

    @Test
    void exceptionResponsesFailOnlyThatDevice() throws Exception {
        slave.device(1, Wallbox.PROTOCOL).answerWithException(ModbusException.SERVER_DEVICE_FAILURE);
        slave.device(2, Wallbox.PROTOCOL).set(Wallbox.POWER, 42);
        ModbusLine line = lines.open(slave.endpoint());
        ModbusException e = catchModbus(() -> wallbox(line, 1, TIMEOUT).read());
        assertThat(e.kind()).isEqualTo(Kind.EXCEPTION_RESPONSE);
        assertThat(e.exceptionCode()).isEqualTo(4);
        assertThat(wallbox(line, 2, TIMEOUT).read().number(Wallbox.POWER)).hasValue(42);
        assertThat(slave.connectionsAccepted()).as("an exception response keeps the connection").isEqualTo(1);

        ModbusException unknown = catchModbus(() -> wallbox(line, 99, TIMEOUT).read());
        assertThat(unknown.exceptionCode()).isEqualTo(ModbusException.GATEWAY_TARGET_FAILED);

        slave.device(1).answerNormally();
        wallbox(line, 1, TIMEOUT).read();
    }

    @Test
    void aStrictDeviceRefusesGapsAndAProtocolWithoutGapsReadsIt() throws Exception {
        slave.strictAddresses(true);
        slave.device(1, Wallbox.PROTOCOL).set(Wallbox.STATE, 2);
        ModbusLine line = lines.open(slave.endpoint());
        ModbusException e = catchModbus(() -> wallbox(line, 1, TIMEOUT).read());
        assertThat(e.exceptionCode()).isEqualTo(ModbusException.ILLEGAL_DATA_ADDRESS);
        ModbusDevice noGaps = new ModbusDevice(line, 1, Wallbox.PROTOCOL.withMaxGap(0), TIMEOUT, clock);
        assertThat(noGaps.read().number(Wallbox.STATE)).hasValue(2);
    }

    @Test
    void garbageValuesAreEmptyAndMalformedAnswersFail() throws Exception {
        SimulatedDevice meter = slave.device(7, Meter.PROTOCOL);
        meter.set(Meter.VOLTAGE_L1, 231.5).set(Meter.IMPORT, 1234.5).setNotAvailable(Meter.POWER_TOTAL);
        SimulatedDevice box = slave.device(1, Wallbox.PROTOCOL);
        box.setNotAvailable(Wallbox.POWER).setWords(Wallbox.CURRENT_L1, 0xFFFF, 0xFFFF).set(Wallbox.CURRENT_L2, 16);
        ModbusLine line = lines.open(slave.endpoint());

        RegisterValues m = new ModbusDevice(line, 7, Meter.PROTOCOL, TIMEOUT, clock).read();
        assertThat(m.number(Meter.VOLTAGE_L1)).hasValue(231.5);
        assertThat(m.number(Meter.IMPORT)).hasValue(1234.5);
        assertThat(m.number(Meter.POWER_TOTAL)).as("NaN").isEmpty();
        RegisterValues w = wallbox(line, 1, TIMEOUT).read();
        assertThat(w.number(Wallbox.POWER)).isEmpty();
        assertThat(w.number(Wallbox.CURRENT_L1)).isEmpty();
        assertThat(w.number(Wallbox.CURRENT_L2).getAsDouble()).isEqualTo(16.0);

        box.answerMalformed();
        assertThat(catchModbus(() -> wallbox(line, 1, TIMEOUT).read()).kind()).isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(new ModbusDevice(line, 7, Meter.PROTOCOL, TIMEOUT, clock).read().number(Meter.VOLTAGE_L1))
                .hasValue(231.5);
    }

    @Test
    void aRebootReportsZeroEnergyForAWhile() throws Exception {
        SimulatedDevice box = slave.device(1, Wallbox.PROTOCOL).set(Wallbox.ENERGY, 987_654).set(Wallbox.POWER, 11);
        ModbusDevice device = wallbox(lines.open(slave.endpoint()), 1, TIMEOUT);
        box.startReboot(Wallbox.ENERGY);
        RegisterValues booting = device.read();
        assertThat(booting.number(Wallbox.ENERGY)).hasValue(0);
        assertThat(booting.number(Wallbox.POWER)).hasValue(11);
        box.finishReboot();
        assertThat(device.read().number(Wallbox.ENERGY)).hasValue(987_654);
    }

    @Test
    void setPointsReachTheSimulatedDeviceAsTheirPolicyAllows() throws Exception {
        SimulatedDevice box = slave.device(1, Wallbox.PROTOCOL).set(Wallbox.SLAVE_ID, 1);
        SimulatedDevice meter = slave.device(7, Meter.PROTOCOL);
        ModbusLine line = lines.open(slave.endpoint());
        ModbusDevice device = wallbox(line, 1, TIMEOUT);
        for (int cycle = 0; cycle < 10; cycle++) {
            device.write(Wallbox.CURRENT_LIMIT, 16);
            device.write(Wallbox.ENABLE, true);
        }
        assertThat(box.number(Wallbox.CURRENT_LIMIT).getAsDouble()).isEqualTo(16.0);
        assertThat(box.writeCount(Wallbox.CURRENT_LIMIT)).isEqualTo(1);
        assertThat(box.writeCount(Wallbox.ENABLE)).isEqualTo(1);

        device.read(List.of(Wallbox.SLAVE_ID));
        device.write(Wallbox.SLAVE_ID, 1);
        assertThat(box.writeCount(Wallbox.SLAVE_ID)).as("flash-backed, the device holds it").isZero();

        device.forgetWrittenValues(); // the wallbox was offline
        device.write(Wallbox.CURRENT_LIMIT, 16);
        assertThat(box.writeCount(Wallbox.CURRENT_LIMIT)).isEqualTo(2);

        ModbusDevice m = new ModbusDevice(line, 7, Meter.PROTOCOL, TIMEOUT, clock);
        m.write(Meter.RELAY, true);
        assertThat(meter.bit(Meter.RELAY)).isTrue();
        assertThat(m.read().bit(Meter.RELAY)).isTrue();

        line.writeRegisters(1, Wallbox.ENERGY.address(), new int[] {0, 0, 0, 5}, TIMEOUT);
        assertThat(box.number(Wallbox.ENERGY)).hasValue(5);
        line.writeCoils(7, 0, new boolean[] {false, true, true}, TIMEOUT);
        assertThat(line.readBits(7, ModbusTable.COILS, 0, 3, TIMEOUT)).containsExactly(false, true, true);
    }

    @Test
    void stringsAndDiscreteInputsOverTheWire() throws Exception {
        SimulatedDevice box = slave.device(1, Wallbox.PROTOCOL).setText(Wallbox.SERIAL, "CF-123456");
        slave.device(7, Meter.PROTOCOL).set(Meter.TAMPER, true);
        ModbusLine line = lines.open(slave.endpoint());
        assertThat(wallbox(line, 1, TIMEOUT).read(List.of(Wallbox.SERIAL)).text(Wallbox.SERIAL)).isEqualTo("CF-123456");
        assertThat(new ModbusDevice(line, 7, Meter.PROTOCOL, TIMEOUT, clock).read().bit(Meter.TAMPER)).isTrue();
        assertThat(box.requestCount()).isEqualTo(1);
    }

    @Test
    void aTestCanPopulateRegistersByName() throws Exception {
        SimulatedDevice box = slave.device(3, Wallbox.PROTOCOL).set("power", 9200).set("current.l1", 13.5);
        assertThat(box.register("power")).isSameAs(Wallbox.POWER);
        RegisterValues v = wallbox(lines.open(slave.endpoint()), 3, TIMEOUT).read();
        assertThat(v.number(Wallbox.POWER)).hasValue(9200);
        assertThat(v.number(Wallbox.CURRENT_L1).getAsDouble()).isEqualTo(13.5);
        assertThat(v.decoded()).containsEntry("power", java.util.Optional.of(9200.0));
        assertThatThrownBy(() -> box.set("no-such-register", 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSerialPortThatDoesNotExistIsNotConnected() {
        ModbusLine line = lines.open(ModbusEndpoint.Serial.rtu("/dev/ttyChargingManagerNone", 9600));
        ModbusException e = catchModbus(() -> line.readRegisters(1, ModbusTable.INPUT_REGISTERS, 0, 2, TIMEOUT));
        assertThat(e.kind()).isEqualTo(Kind.NOT_CONNECTED);
        assertThatThrownBy(() -> lines.open(ModbusEndpoint.Serial.rtu("/dev/ttyChargingManagerNone", 19200)))
                .isInstanceOf(IllegalArgumentException.class);
        line.close();
    }

    interface ModbusCall {
        Object call() throws ModbusException;
    }

    static ModbusException catchModbus(ModbusCall call) {
        try {
            call.call();
        } catch (ModbusException e) {
            return e;
        }
        throw new AssertionError("expected a ModbusException");
    }
}
