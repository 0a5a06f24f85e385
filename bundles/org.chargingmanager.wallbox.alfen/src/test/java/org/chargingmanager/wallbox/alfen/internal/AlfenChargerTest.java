package org.chargingmanager.wallbox.alfen.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.APPLIED_MAX_CURRENT;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.AVAILABILITY;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.CURRENT_L1;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.CURRENT_L2;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.CURRENT_L3;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.ENERGY;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.FIRMWARE;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.MAX_CURRENT;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.MODE3_STATE;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.NAME;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.PHASES;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.POWER;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.REMAINING_VALID_TIME;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.SAFE_CURRENT;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.SERIAL;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.SOCKETS;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.STATION_MAX_CURRENT;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.ModbusTestKit;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver against the test kit's Modbus simulator holding the Alfen register map, over real Modbus TCP on
 * loopback. {@link Socket#step()} plays the box: a max current written less than the validity time ago applies,
 * otherwise the safe current; the car draws what applies.
 */
class AlfenChargerTest {

    private static final Duration VALIDITY = Duration.ofSeconds(60);
    private static final double SAFE_AMPS = 6;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private ModbusTcpSimulator simulator;
    private ModbusTestKit.LinesForTest lines;
    private ModbusLine line;
    private final List<Socket> sockets = new ArrayList<>();

    /** A socket of the box, its car and the driver. */
    private final class Socket {
        final SimulatedDevice device;
        final AlfenCharger charger;
        double carMaxAmps = 32;
        int writes;
        Instant writtenAt;
        final List<Long> remainingSeen = new ArrayList<>();

        Socket(int unit, int phases, boolean phaseSwitching) {
            device = simulator.device(unit, AlfenRegisters.SOCKET);
            device.set(AVAILABILITY, 1).setText(MODE3_STATE, "B1").set(SAFE_CURRENT, SAFE_AMPS).set(ENERGY, 1_500_000)
                    .set(PHASES, 3).set(MAX_CURRENT, 0);
            AlfenSettings settings = new AlfenSettings("alfen-" + unit, "Parking " + unit, simulator.endpoint(), unit,
                    phases, phaseSwitching, PhaseRotation.L1_L2_L3, 6000, 16000, VALIDITY, Duration.ofSeconds(1),
                    Duration.ofMillis(500));
            charger = new AlfenCharger(settings, line, clock, Runnable::run);
            sockets.add(this);
        }

        /** The box after a poll: the validity of the written max current, what applies, what the car draws. */
        void step() {
            int count = device.writeCount(MAX_CURRENT);
            if (count != writes) {
                writes = count;
                writtenAt = clock.instant();
            }
            long remaining = writtenAt == null ? 0
                    : Math.max(0, VALIDITY.minus(Duration.between(writtenAt, clock.instant())).toSeconds());
            device.set(REMAINING_VALID_TIME, remaining);
            double applies = remaining > 0 ? device.number(MAX_CURRENT).orElse(0) : SAFE_AMPS;
            applies = Math.min(applies, 16);
            device.set(APPLIED_MAX_CURRENT, applies);
            double drawn = applies >= 6 ? Math.min(applies, carMaxAmps) : 0;
            boolean onePhase = device.number(PHASES).orElse(3) == 1;
            device.set(CURRENT_L1, drawn).set(CURRENT_L2, onePhase ? 0 : drawn).set(CURRENT_L3, onePhase ? 0 : drawn)
                    .set(POWER, drawn * 230 * (onePhase ? 1 : 3))
                    .setText(MODE3_STATE, applies < 6 ? "B1" : drawn > 0 ? "C2" : "B2");
        }
    }

    @BeforeEach
    void start() {
        simulator = ModbusTcpSimulator.start();
        SimulatedDevice station = simulator.device(AlfenRegisters.STATION_UNIT, AlfenRegisters.STATION);
        station.setText(NAME, "ALF_1000").setText(FIRMWARE, "6.3.0-4135").setText(SERIAL, "ace0123456")
                .set(SOCKETS, 2).set(STATION_MAX_CURRENT, 32);
        lines = ModbusTestKit.lines(clock);
        line = lines.open(simulator.endpoint());
    }

    @AfterEach
    void stop() {
        line.close();
        lines.close();
        simulator.close();
    }

    private void poll(Duration duration) {
        poll(duration, Duration.ofSeconds(1));
    }

    private void poll(Duration duration, Duration step) {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            for (Socket socket : sockets) {
                socket.charger.pollOnce();
                socket.step();
                socket.remainingSeen.add(socket.device.number(REMAINING_VALID_TIME).isPresent()
                        ? (long) socket.device.number(REMAINING_VALID_TIME).getAsDouble() : -1);
            }
            clock.advance(step);
        }
    }

    private static ChargingLimit amps(double amps) {
        return new ChargingLimit((int) Math.round(amps * 1000), LimitReason.HOUSE_LIMIT, "test");
    }

    @Test
    void identifiesTheStationAndChargesWithTheWrittenMaxCurrent() {
        Socket socket = new Socket(1, 3, false);
        socket.charger.applyLimit(amps(10.77));
        poll(Duration.ofSeconds(3));

        assertThat(socket.device.number(MAX_CURRENT).getAsDouble()).isCloseTo(10.7, org.assertj.core.data.Offset.offset(0.001));
        assertThat(socket.charger.info().identity().vendor()).isEqualTo("Alfen");
        assertThat(socket.charger.info().identity().model()).isEqualTo("ALF_1000");
        assertThat(socket.charger.info().identity().serialNumber()).isEqualTo("ace0123456");
        assertThat(socket.charger.info().identity().firmwareVersion()).isEqualTo("6.3.0-4135");
        assertThat(socket.charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(socket.charger.snapshot().currents()).isEqualTo(new PhaseCurrents(10700, 10700, 10700));
        assertThat(socket.charger.snapshot().powerWatts()).isEqualTo(10.7 * 230 * 3, org.assertj.core.data.Offset.offset(0.1));
        assertThat(socket.charger.snapshot().energyWattHours()).isEqualTo(1_500_000.0);
        assertThat(socket.charger.snapshot().phasesInUse()).isEqualTo(3);
    }

    @Test
    void theMaxCurrentIsWrittenAgainWellWithinItsValidityButNotEveryPoll() {
        Socket socket = new Socket(1, 3, false);
        socket.charger.applyLimit(amps(16));
        poll(Duration.ofMinutes(5));

        assertThat(socket.writes).isBetween(12, 14); // every 25 s, not 300 times
        assertThat(socket.remainingSeen.subList(1, socket.remainingSeen.size())).allMatch(r -> r >= 30);
        assertThat(socket.charger.snapshot().appliedLimit().currentMilliamps()).isEqualTo(16000);
        assertThat(socket.charger.snapshot().currents().l1Milliamps()).isEqualTo(16000);
    }

    @Test
    void aReductionIsWrittenAtOnceAndBelowTheMinimumTheSocketStops() {
        Socket socket = new Socket(1, 3, false);
        socket.charger.applyLimit(amps(16));
        poll(Duration.ofSeconds(2));
        socket.charger.applyLimit(amps(8));
        assertThat(socket.device.number(MAX_CURRENT)).hasValue(8.0); // without a poll
        socket.charger.applyLimit(amps(3));
        assertThat(socket.device.number(MAX_CURRENT)).hasValue(0.0);
        poll(Duration.ofSeconds(2));
        assertThat(socket.charger.snapshot().state()).isEqualTo(EvseState.SUSPENDED_EVSE);
        assertThat(socket.charger.snapshot().currents()).isEqualTo(PhaseCurrents.ZERO);
    }

    @Test
    void whenTheDriverWasAwayTheBoxFellBackToItsSafeCurrentAndTheDriverTakesOverAgain() {
        Socket socket = new Socket(1, 3, false);
        socket.charger.applyLimit(amps(16));
        poll(Duration.ofSeconds(2));

        socket.device.stopAnswering();
        poll(Duration.ofSeconds(70), Duration.ofSeconds(10)); // the charging manager cannot reach the box for longer than the validity
        assertThat(socket.charger.snapshot().state()).isEqualTo(EvseState.OFFLINE);
        assertThat(socket.charger.snapshot().stale(clock.instant())).isTrue();
        assertThat(socket.device.number(APPLIED_MAX_CURRENT)).hasValue(SAFE_AMPS);

        socket.device.answerNormally();
        poll(Duration.ofSeconds(3));
        assertThat(socket.device.number(APPLIED_MAX_CURRENT)).hasValue(16.0);
        assertThat(socket.charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(socket.charger.snapshot().stale(clock.instant())).isFalse();
    }

    @Test
    void garbageCurrentsAreTakenAsTheLimitAndAMalformedAnswerIsOffline() {
        Socket socket = new Socket(1, 3, false);
        socket.charger.applyLimit(amps(12));
        poll(Duration.ofSeconds(2));
        socket.device.setNotAvailable(CURRENT_L2);
        socket.charger.pollOnce();
        assertThat(socket.charger.snapshot().currents()).isEqualTo(new PhaseCurrents(12000, 12000, 12000));

        socket.device.answerMalformed();
        socket.charger.pollOnce();
        assertThat(socket.charger.snapshot().state()).isEqualTo(EvseState.OFFLINE);
        assertThat(socket.charger.online()).isFalse();
    }

    @Test
    void bothSocketsOfADoubleShareOneConnectionAndPhaseSwitching() {
        Socket first = new Socket(1, 3, true);
        Socket second = new Socket(2, 3, false);
        first.charger.applyLimit(amps(10));
        second.charger.applyLimit(amps(7));
        poll(Duration.ofSeconds(3));
        assertThat(first.device.number(MAX_CURRENT)).hasValue(10.0);
        assertThat(second.device.number(MAX_CURRENT)).hasValue(7.0);
        assertThat(simulator.connectionsAccepted()).isEqualTo(1);
        assertThat(first.charger.info().capabilities().phaseSwitching()).isTrue();
        assertThat(second.charger.info().capabilities().phaseSwitching()).isFalse();

        first.charger.applyLimit(amps(10).withPhases(1));
        assertThat(first.device.number(PHASES)).hasValue(1.0);
        poll(Duration.ofSeconds(2));
        assertThat(first.charger.snapshot().currents()).isEqualTo(new PhaseCurrents(10000, 0, 0));
        assertThat(first.charger.snapshot().appliedLimit().phases()).isEqualTo(1);
        assertThat(first.device.writeCount(PHASES)).isEqualTo(1);
    }
}
