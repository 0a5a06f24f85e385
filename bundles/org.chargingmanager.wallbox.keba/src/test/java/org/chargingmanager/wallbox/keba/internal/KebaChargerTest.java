package org.chargingmanager.wallbox.keba.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.keba.KebaSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The driver against the test kit's KEBA simulator over real UDP on loopback. The driver and the simulator share a
 * {@link MutableClock}: the test ticks the driver, lets the datagrams arrive, then moves the clock, so the
 * simulator checks the spacing rules exactly and no test sleeps for the box's seconds. Every test ends with the
 * simulator's verdict on the spacing rules.
 */
class KebaChargerTest {

    private static final Duration STEP = Duration.ofMillis(20);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private final List<Box> boxes = new ArrayList<>();
    private KebaUdpSocket socket;

    /** A simulator and the charger that talks to it, with counts of what went each way. */
    private final class Box {
        final KebaSimulator simulator = KebaSimulator.start(clock);
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger received = new AtomicInteger();
        final KebaCharger charger;

        Box(String id, int phases) {
            KebaSettings settings = new KebaSettings(id, id, simulator.address(), 0, phases, PhaseRotation.L1_L2_L3,
                    6000, 16000, Duration.ofSeconds(60), 6000, Duration.ofSeconds(5), Duration.ofMillis(1500));
            InetSocketAddress address = simulator.address();
            charger = new KebaCharger(settings, clock, command -> {
                sent.incrementAndGet();
                socket.send(address, command);
            }, new KebaCommandPacer(Duration.ZERO));
            socket.register(address, (text, at) -> {
                charger.received(text, at);
                received.incrementAndGet();
            });
            boxes.add(this);
        }

        /** Everything sent has arrived, everything answered has been handled. */
        boolean settled() {
            return simulator.receivedCount() == sent.get() && simulator.answerCount() == received.get();
        }

        EvseSnapshot snapshot() {
            return charger.snapshot();
        }
    }

    @BeforeEach
    void openSocket() {
        socket = KebaUdpSocket.open(0, clock);
    }

    @AfterEach
    void close() {
        try {
            for (Box box : boxes) {
                box.simulator.assertTimingRulesKept();
                assertThat(box.simulator.eepromWrites()).as("EEPROM writes").isZero();
            }
        } finally {
            boxes.forEach(box -> box.simulator.close());
            socket.close();
        }
    }

    /** Ticks every box every {@link #STEP} of the clock for {@code duration}. */
    private void run(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            for (Box box : boxes) {
                box.charger.tick();
            }
            Await.until("the datagrams to arrive", () -> boxes.stream().allMatch(Box::settled));
            clock.advance(STEP);
        }
    }

    /** Runs until {@code condition} holds, at most {@code limit} of the clock. */
    private void runUntil(String what, Duration limit, BooleanSupplier condition) {
        Instant end = clock.instant().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(clock.instant()).as("clock time waiting for " + what).isBefore(end);
            run(STEP);
        }
    }

    private static ChargingLimit amps(double amps) {
        return new ChargingLimit((int) Math.round(amps * 1000), LimitReason.HOUSE_LIMIT, "test");
    }

    @Test
    void startsWithTheReportsThenSetsTheFailsafeAndPausesUntilTheLoadManagerAllocates() {
        Box box = new Box("keba-garage", 3);
        run(Duration.ofSeconds(3));

        assertThat(box.simulator.commands()).startsWith("report 1").contains("ena 0", "failsafe 60 6000 0",
                "report 2", "report 3");
        assertThat(box.simulator.failsafeTimeoutSeconds()).isEqualTo(60);
        assertThat(box.simulator.failsafeMilliamps()).isEqualTo(6000);
        assertThat(box.simulator.enabledByUser()).isFalse();
        assertThat(box.charger.info().identity().vendor()).isEqualTo("KEBA");
        assertThat(box.charger.info().identity().model()).isEqualTo("KC-P30-EC240422-E00");
        assertThat(box.charger.info().identity().serialNumber()).isEqualTo("17012345");
        assertThat(box.charger.info().identity().firmwareVersion()).startsWith("P30 v 3.10.57");
        EvseSnapshot snapshot = box.snapshot();
        assertThat(snapshot.state()).isEqualTo(EvseState.AVAILABLE);
        assertThat(snapshot.energyWattHours()).isEqualTo(1_234_567.0);
        assertThat(snapshot.stale(clock.instant())).isFalse();
    }

    @Test
    void chargesWithTheLimitAndReportsWhatTheCarDraws() {
        Box box = new Box("keba-garage", 3);
        box.simulator.plugCar(32000, 3);
        box.charger.applyLimit(amps(10.57));
        runUntil("the box charging at 10.5 A", Duration.ofSeconds(12),
                () -> box.snapshot().state() == EvseState.CHARGING && box.snapshot().currents().l1Milliamps() == 10500);

        assertThat(box.simulator.allowedMilliamps()).isEqualTo(10500);
        EvseSnapshot snapshot = box.snapshot();
        assertThat(snapshot.currents()).isEqualTo(new PhaseCurrents(10500, 10500, 10500));
        assertThat(snapshot.powerWatts()).isEqualTo(10.5 * 230 * 3);
        assertThat(snapshot.phasesInUse()).isEqualTo(3);
        assertThat(snapshot.appliedLimit().currentMilliamps()).isEqualTo(10500);
        assertThat(box.simulator.commands()).contains("curr 10500", "ena 1");
        assertThat(box.simulator.commands().indexOf("curr 10500")).isLessThan(
                box.simulator.commands().lastIndexOf("ena 1"));
    }

    @Test
    void aReductionGoesOutWithinAFewHundredMillisecondsAndAPauseWaitsTheTwoSecondsRule() {
        Box box = new Box("keba-garage", 3);
        box.simulator.plugCar(32000, 3);
        box.charger.applyLimit(amps(16));
        runUntil("charging at 16 A", Duration.ofSeconds(15), () -> box.simulator.drawnMilliamps() == 16000
                && box.snapshot().currents().l1Milliamps() == 16000);

        box.charger.applyLimit(amps(8));
        Instant asked = clock.instant();
        runUntil("the box at 8 A", Duration.ofSeconds(1), () -> box.simulator.allowedMilliamps() == 8000);
        assertThat(Duration.between(asked, clock.instant())).isLessThanOrEqualTo(Duration.ofMillis(300));
        run(Duration.ofMillis(100));
        // report 3 is seconds away: the snapshot counts the car at no more than the box allows now
        assertThat(box.snapshot().currents()).isEqualTo(new PhaseCurrents(8000, 8000, 8000));
        assertThat(box.snapshot().powerWatts()).isLessThanOrEqualTo(8 * 230 * 3 * 1.1);

        box.charger.applyLimit(amps(5)); // below the minimum: pause
        runUntil("the box paused", Duration.ofSeconds(1), () -> !box.simulator.enabledByUser());
        box.charger.applyLimit(amps(12));
        runUntil("the box charging at 12 A", Duration.ofSeconds(6), () -> box.simulator.drawnMilliamps() == 12000);
        List<KebaSimulator.Received> received = box.simulator.received();
        Instant disabledAt = received.stream().filter(r -> r.command().equals("ena 0")).reduce((a, b) -> b)
                .orElseThrow().at();
        KebaSimulator.Received next = received.get(received.indexOf(received.stream()
                .filter(r -> r.at().equals(disabledAt)).findFirst().orElseThrow()) + 1);
        assertThat(Duration.between(disabledAt, next.at())).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        run(Duration.ofSeconds(6));
        assertThat(box.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(box.snapshot().appliedLimit().currentMilliamps()).isEqualTo(12000);
    }

    @Test
    void theHeartbeatKeepsTheFailsafeQuietAndTheBoxFallsBackByItselfWhenTheManagerStops() {
        Box box = new Box("keba-garage", 3);
        box.simulator.plugCar(32000, 3);
        box.charger.applyLimit(amps(16));
        run(Duration.ofSeconds(90));
        assertThat(box.simulator.failsafeFired()).isFalse();
        assertThat(box.simulator.drawnMilliamps()).isEqualTo(16000);
        long currCommands = box.simulator.commands().stream().filter(c -> c.equals("curr 16000")).count();
        assertThat(currCommands).isBetween(4L, 6L); // every 20 s: a third of the failsafe timeout

        clock.advance(Duration.ofSeconds(61)); // the charging manager is gone
        assertThat(box.simulator.failsafeFired()).isTrue();
        assertThat(box.simulator.drawnMilliamps()).isEqualTo(6000);

        // it comes back (a restarted runtime would do the same): the fired failsafe is seen and undone
        runUntil("16 A again", Duration.ofSeconds(15), () -> box.simulator.drawnMilliamps() == 16000);
        assertThat(box.simulator.failsafeFired()).isFalse();
    }

    @Test
    void aSilentBoxIsOfflineAndStaleKeepsItsValuesAndGetsItsSettingsBackWhenItAnswersAgain() {
        Box box = new Box("keba-garage", 3);
        box.simulator.plugCar(32000, 3);
        box.charger.applyLimit(amps(16));
        runUntil("charging", Duration.ofSeconds(12), () -> box.snapshot().state() == EvseState.CHARGING);
        double energy = box.snapshot().energyWattHours();

        box.simulator.silent(true);
        runUntil("offline", Duration.ofSeconds(12), () -> box.snapshot().state() == EvseState.OFFLINE);
        run(Duration.ofSeconds(10));
        assertThat(box.snapshot().stale(clock.instant())).isTrue();
        assertThat(box.snapshot().energyWattHours()).isEqualTo(energy);
        assertThat(box.charger.online()).isFalse();

        box.simulator.reboot().silent(false);
        runUntil("charging again", Duration.ofSeconds(15), () -> box.snapshot().state() == EvseState.CHARGING
                && box.simulator.failsafeTimeoutSeconds() == 60 && box.simulator.userCurrentMilliamps() == 16000
                && !box.snapshot().stale(clock.instant()));
        assertThat(box.snapshot().energyWattHours()).isGreaterThanOrEqualTo(energy);
    }

    @Test
    void aRebootWithoutAnOutageIsNoticedBySecondsSinceBootAndTheSettingsAreSentAgain() {
        Box box = new Box("keba-garage", 3);
        box.simulator.plugCar(32000, 3);
        box.charger.applyLimit(amps(10));
        runUntil("charging at 10 A", Duration.ofSeconds(12), () -> box.simulator.drawnMilliamps() == 10000);
        run(Duration.ofSeconds(10));

        box.simulator.reboot(); // back at its DIP switch current, failsafe off
        assertThat(box.simulator.drawnMilliamps()).isEqualTo(32000);
        runUntil("10 A and the failsafe again", Duration.ofSeconds(12),
                () -> box.simulator.drawnMilliamps() == 10000 && box.simulator.failsafeTimeoutSeconds() == 60);
    }

    @Test
    void garbageAnswersTakeTheBoxOfflineWithoutException() {
        Box box = new Box("keba-garage", 3);
        box.simulator.plugCar(32000, 3);
        box.charger.applyLimit(amps(16));
        runUntil("charging", Duration.ofSeconds(12), () -> box.snapshot().state() == EvseState.CHARGING);

        box.simulator.garbage(true);
        runUntil("offline", Duration.ofSeconds(12), () -> box.snapshot().state() == EvseState.OFFLINE);
        run(Duration.ofSeconds(10));
        assertThat(box.snapshot().stale(clock.instant())).isTrue();
        box.simulator.garbage(false);
        runUntil("charging again", Duration.ofSeconds(12), () -> box.snapshot().state() == EvseState.CHARGING);
    }

    @Test
    void aFirmwareWhoseReportLacksAFieldTurnsTheBoxStaleInsteadOfReportingOldCurrentsAsNew() {
        Box box = new Box("keba-garage", 3);
        box.simulator.plugCar(32000, 3);
        box.charger.applyLimit(amps(16));
        runUntil("charging", Duration.ofSeconds(12), () -> box.snapshot().state() == EvseState.CHARGING);

        box.simulator.omitField("I2");
        run(Duration.ofSeconds(16));
        assertThat(box.snapshot().stale(clock.instant())).isTrue();
    }

    @Test
    void twoBoxesShareOneSocketAndEachGetsItsOwnLimit() {
        Box garage = new Box("keba-garage", 3);
        Box carport = new Box("keba-carport", 1);
        carport.simulator.identity("KC-P30-EC220112-000", "17099999", "P30 v 3.10.42 (200101-000000)");
        garage.simulator.plugCar(32000, 3);
        carport.simulator.plugCar(16000, 1);
        garage.charger.applyLimit(amps(11));
        carport.charger.applyLimit(amps(7));
        runUntil("both charging", Duration.ofSeconds(12), () -> garage.simulator.drawnMilliamps() == 11000
                && carport.simulator.drawnMilliamps() == 7000 && carport.snapshot().state() == EvseState.CHARGING
                && garage.snapshot().state() == EvseState.CHARGING);

        assertThat(garage.charger.info().identity().serialNumber()).isEqualTo("17012345");
        assertThat(carport.charger.info().identity().serialNumber()).isEqualTo("17099999");
        assertThat(carport.snapshot().currents()).isEqualTo(new PhaseCurrents(7000, 0, 0));
        assertThat(carport.snapshot().phasesInUse()).isEqualTo(1);

        carport.simulator.silent(true); // one box failing does not hold up the other
        garage.charger.applyLimit(amps(9));
        runUntil("the garage at 9 A", Duration.ofSeconds(1), () -> garage.simulator.drawnMilliamps() == 9000);
    }

    @Test
    void theSimulatorFailsATestThatBreaksTheSpacingRules() throws IOException {
        try (KebaSimulator simulator = KebaSimulator.start(clock)) {
            InetSocketAddress box = simulator.address();
            socket.send(box, "report 2");
            Await.until("the first command", () -> simulator.receivedCount() == 1);
            clock.advance(Duration.ofMillis(50));
            socket.send(box, "report 3");
            Await.until("the second command", () -> simulator.receivedCount() == 2);
            clock.advance(Duration.ofSeconds(1));
            socket.send(box, "report 2");
            Await.until("the third command", () -> simulator.receivedCount() == 3);
            clock.advance(Duration.ofSeconds(1));
            socket.send(box, "ena 0");
            Await.until("the fourth command", () -> simulator.receivedCount() == 4);
            clock.advance(Duration.ofMillis(500));
            socket.send(box, "ena 1");
            Await.until("the fifth command", () -> simulator.receivedCount() == 5);

            assertThat(simulator.timingViolations()).hasSize(3);
            assertThat(simulator.timingViolations().get(0)).contains("50 ms after the previous command");
            assertThat(simulator.timingViolations().get(1)).contains("repeated after 1050 ms");
            assertThat(simulator.timingViolations().get(2)).contains("too early after a disabling command");
            org.assertj.core.api.Assertions.assertThatThrownBy(simulator::assertTimingRulesKept)
                    .isInstanceOf(AssertionError.class);
        }
    }

    @Test
    void reportsTheCardOfTheSessionFromReport100WhileTheCarIsConnected() {
        Box box = new Box("keba-rfid", 3);
        box.simulator.plugCar(16000, 3).presentCard("04a2b3c4d5e60000");
        box.charger.applyLimit(amps(16));
        runUntil("the tag", Duration.ofSeconds(20), () -> "04a2b3c4d5e60000".equals(box.snapshot().idTag()));
        assertThat(box.charger.info().capabilities().reportsIdTag()).isTrue();
        box.simulator.unplugCar();
        runUntil("the tag to go", Duration.ofSeconds(20), () -> box.snapshot().idTag() == null);
        run(Duration.ofSeconds(40));
        assertThat(box.simulator.commands()).as("no session report without a car")
                .filteredOn("report 100"::equals).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aFirmwareWithoutSessionReportsIsNotAskedAgainAndStaysOnline() {
        Box box = new Box("keba-old", 3);
        box.simulator.plugCar(16000, 3).withoutSessionReports();
        box.charger.applyLimit(amps(16));
        run(Duration.ofSeconds(60));
        assertThat(box.simulator.commands()).filteredOn("report 100"::equals).hasSize(1);
        assertThat(box.charger.online()).isTrue();
        assertThat(box.snapshot().idTag()).isNull();
    }

    @Test
    void switchesPhasesWithX2WhenUdpIsTheSourceAtMostEveryFiveMinutes() {
        Box box = new Box("keba-x", 3);
        box.simulator.plugCar(16000, 3).phaseSwitchSource(4);
        box.charger.applyLimit(amps(10));
        runUntil("phase switching known", Duration.ofSeconds(20),
                () -> box.charger.info().capabilities().phaseSwitching());
        box.charger.applyLimit(amps(10).withPhases(1));
        runUntil("one phase", Duration.ofSeconds(10), () -> box.simulator.phaseSwitch() == 0);
        runUntil("the car on one phase", Duration.ofSeconds(20), () -> box.snapshot().phasesInUse() == 1
                && box.snapshot().appliedLimit().phases() == 1);
        box.charger.applyLimit(amps(10).withPhases(3));
        run(Duration.ofSeconds(60));
        assertThat(box.simulator.phaseSwitch()).as("not within five minutes").isZero();
        runUntil("three phases", KebaCharger.PHASE_SWITCH_INTERVAL, () -> box.simulator.phaseSwitch() == 1);
        assertThat(box.simulator.phaseSwitches()).isEqualTo(2);
    }

    @Test
    void noPhaseSwitchingUnlessUdpIsTheSource() {
        Box box = new Box("keba-c", 3);
        box.simulator.plugCar(16000, 3);
        box.charger.applyLimit(amps(10).withPhases(1));
        run(Duration.ofSeconds(20));
        assertThat(box.charger.info().capabilities().phaseSwitching()).isFalse();
        assertThat(box.simulator.commands()).noneMatch(c -> c.startsWith("x2"));
    }
}
