package org.chargingmanager.wallbox.cfos.internal;

import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CHARGING_CURRENT_LIMIT;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CHARGING_ENABLE;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CHARGING_STATE;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CURRENT_L1;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CURRENT_L2;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CURRENT_L3;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.ENERGY;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.FEATURE_FLAGS;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.LAST_RFID;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.METER_FLAGS;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.POWER;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.PRODUCT_ID;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.RELAY_SELECT;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.SERIAL;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.VENDOR_ID;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.VERSION;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.device.Staleness;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseSnapshot;
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

/** The driver against a protocol-level simulator of the box, over real Modbus TCP on loopback. */
class CfosChargerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T08:00:00Z"));
    private ModbusTcpSimulator simulator;
    private SimulatedDevice box;
    private ModbusTestKit.LinesForTest lines;
    private ModbusLine line;
    private CfosCharger charger;

    @BeforeEach
    void startBox() {
        simulator = ModbusTcpSimulator.start();
        box = simulator.device(1, CfosRegisters.PROTOCOL);
        box.set(VENDOR_ID, CfosRegisters.CFOS_VENDOR_ID).set(PRODUCT_ID, 0x0102).set(VERSION, 0x0113)
                .set(CfosRegisters.BUILD, 42).setText(SERIAL, "CF7654321");
        box.set(METER_FLAGS, 1).set(ENERGY, 123_456).set(POWER, 7_360).set(CURRENT_L1, 10.7).set(CURRENT_L2, 10.6)
                .set(CURRENT_L3, 10.5).set(CHARGING_STATE, 2).set(CHARGING_CURRENT_LIMIT, 16)
                .set(CHARGING_ENABLE, 1).setText(LAST_RFID, "04A2B3C4D5");
        lines = ModbusTestKit.lines(clock);
        line = lines.open(simulator.endpoint());
        charger = charger(3);
    }

    private CfosCharger charger(int phases) {
        CfosSettings settings = new CfosSettings("cfos-garage", "Garage", simulator.endpoint(), 1, phases,
                PhaseRotation.L2_L3_L1, 6000, 16000, Duration.ofSeconds(1), Duration.ofMillis(300));
        return new CfosCharger(settings, line, clock, Runnable::run);
    }

    @AfterEach
    void stop() {
        line.close();
        lines.close();
        simulator.close();
    }

    private static ChargingLimit amps(double amps) {
        return new ChargingLimit((int) Math.round(amps * 1000), LimitReason.HOUSE_LIMIT, "");
    }

    @Test
    void readsIdentityStateCurrentsPowerEnergyAndTag() {
        assertEquals(EvseState.OFFLINE, charger.snapshot().state());
        charger.pollOnce();

        assertEquals("cFos", charger.info().identity().vendor());
        assertEquals("CF7654321", charger.info().identity().serialNumber());
        assertEquals("1.19 build 42", charger.info().identity().firmwareVersion());
        assertEquals("cfos", charger.info().driver());
        assertEquals(PhaseRotation.L2_L3_L1, charger.info().phaseRotation());
        assertEquals(100, charger.info().capabilities().currentResolutionMilliamps());
        assertFalse(charger.info().capabilities().recordsOwnSessions());
        EvseSnapshot snapshot = charger.snapshot();
        assertEquals(EvseState.CHARGING, snapshot.state());
        assertEquals(new PhaseCurrents(10_700, 10_600, 10_500), snapshot.currents());
        assertEquals(3, snapshot.phasesInUse());
        assertEquals(7_360, snapshot.powerWatts());
        assertEquals(123_456, snapshot.energyWattHours());
        assertEquals("04A2B3C4D5", snapshot.idTag());
        assertEquals(clock.instant(), snapshot.seenAt());
        assertEquals(clock.instant(), snapshot.measuredAt());
    }

    @Test
    void statesOfTheBoxBecomeEvseStates() {
        box.set(CHARGING_STATE, 0).set(POWER, 0).set(CURRENT_L1, 0).set(CURRENT_L2, 0).set(CURRENT_L3, 0);
        charger.pollOnce();
        assertEquals(EvseState.AVAILABLE, charger.snapshot().state());
        assertNull(charger.snapshot().idTag(), "no car, no tag");
        assertEquals(0, charger.snapshot().phasesInUse());

        // a car is connected; the box is paused until the load manager allows it to charge
        box.set(CHARGING_STATE, 1);
        charger.pollOnce();
        assertEquals(EvseState.SUSPENDED_EVSE, charger.snapshot().state());

        charger.applyLimit(amps(10));
        charger.pollOnce();
        assertEquals(EvseState.SUSPENDED_EV, charger.snapshot().state(), "allowed, but the car does not draw");

        box.set(CHARGING_STATE, 5);
        charger.pollOnce();
        assertEquals(EvseState.SUSPENDED_EVSE, charger.snapshot().state(), "over temperature");
        box.setWords(CHARGING_STATE, 0xFFFF);
        charger.pollOnce();
        assertEquals(EvseState.FAULTED, charger.snapshot().state(), "garbage state");
    }

    @Test
    void theLimitIsRoundedDownToTenthsOfAnAmpereAndWrittenOnlyWhenItChanges() {
        charger.pollOnce();
        assertEquals(0, box.number(CHARGING_ENABLE).getAsDouble(), "not allocated yet: paused");

        charger.applyLimit(amps(10.56));
        charger.pollOnce();
        assertEquals(105, box.words(CHARGING_CURRENT_LIMIT)[0], "10.56 A is set as 10.5 A");
        assertEquals(1, box.number(CHARGING_ENABLE).getAsDouble());
        assertEquals(10_500, charger.snapshot().appliedLimit().currentMilliamps());
        int limitWrites = box.writeCount(CHARGING_CURRENT_LIMIT);
        int enableWrites = box.writeCount(CHARGING_ENABLE);

        charger.applyLimit(amps(10.58));
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            charger.pollOnce();
        }
        assertEquals(limitWrites, box.writeCount(CHARGING_CURRENT_LIMIT), "the same 0.1 A step is not written again");
        assertEquals(enableWrites, box.writeCount(CHARGING_ENABLE));

        charger.applyLimit(amps(40));
        charger.pollOnce();
        assertEquals(160, box.words(CHARGING_CURRENT_LIMIT)[0], "never above the configured maximum");

        charger.applyLimit(amps(5.9));
        assertEquals(0, box.number(CHARGING_ENABLE).getAsDouble(), "below the minimum pauses, written at once");
        assertEquals(0, charger.snapshot().appliedLimit().currentMilliamps());
        assertTrue(charger.snapshot().appliedLimit().paused());
    }

    @Test
    void flashBackedRegistersAreNeverWritten() {
        charger.pollOnce();
        for (int i = 0; i < 20; i++) {
            charger.applyLimit(amps(6 + i % 7));
            clock.advance(Duration.ofSeconds(1));
            charger.pollOnce();
        }
        for (var register : CfosRegisters.PROTOCOL.registers()) {
            if (register != CHARGING_CURRENT_LIMIT && register != CHARGING_ENABLE && register != RELAY_SELECT) {
                assertEquals(0, box.writeCount(register), register.name() + " was written");
            }
        }
    }

    @Test
    void switchesPhasesOnlyWhereTheModelCan() {
        charger.pollOnce();
        assertFalse(charger.info().capabilities().phaseSwitching());
        charger.applyLimit(amps(10).withPhases(1));
        charger.pollOnce();
        assertEquals(0, box.writeCount(RELAY_SELECT), "no phase relay: nothing written");

        box.set(FEATURE_FLAGS, CfosRegisters.PHASE_SWITCHING_BIT);
        charger.pollOnce();
        assertTrue(charger.info().capabilities().phaseSwitching());
        charger.applyLimit(amps(10).withPhases(1));
        assertEquals(1, box.number(RELAY_SELECT).getAsDouble(), "1 phase");
        assertEquals(1, charger.snapshot().appliedLimit().phases());
        charger.applyLimit(amps(10).withPhases(3));
        assertEquals(0, box.number(RELAY_SELECT).getAsDouble(), "3 phases");
    }

    @Test
    void aSinglePhaseBoxWithoutPerPhaseCurrentsDerivesTheCurrentFromThePower() {
        charger = charger(1);
        box.set(METER_FLAGS, 0).set(POWER, 2_300);
        charger.pollOnce();
        assertEquals(new PhaseCurrents(10_000, 0, 0), charger.snapshot().currents());
        assertEquals(1, charger.snapshot().phasesInUse());
        assertFalse(charger.info().capabilities().phaseSwitching());
    }

    @Test
    void aBoxThatStopsAnsweringGoesOfflineAndTurnsStaleThenComesBackWithItsLimitWrittenAgain() {
        charger.applyLimit(amps(12));
        charger.pollOnce();
        Instant lastSeen = charger.snapshot().seenAt();
        int limitWrites = box.writeCount(CHARGING_CURRENT_LIMIT);

        box.stopAnswering();
        clock.advance(Duration.ofSeconds(1));
        charger.pollOnce();
        assertEquals(EvseState.OFFLINE, charger.snapshot().state());
        assertEquals(lastSeen, charger.snapshot().seenAt(), "not heard from since");
        assertEquals(12_000, charger.snapshot().appliedLimit().currentMilliamps(), "the box still works with it");
        assertFalse(charger.online());
        clock.advance(Staleness.STALE_AFTER);
        assertTrue(charger.snapshot().stale(clock.instant()));

        box.answerNormally();
        clock.advance(Duration.ofMinutes(2)); // past the line's back-off
        charger.pollOnce();
        assertTrue(charger.online());
        assertEquals(EvseState.CHARGING, charger.snapshot().state());
        assertFalse(charger.snapshot().stale(clock.instant()));
        assertEquals(limitWrites + 1, box.writeCount(CHARGING_CURRENT_LIMIT),
                "after a reconnect the limit is written again (the box may have rebooted)");
    }

    @Test
    void aBoxThatDisconnectsAndComesBackIsReadAgain() {
        charger.applyLimit(amps(8));
        charger.pollOnce();
        simulator.stop();
        clock.advance(Duration.ofSeconds(1));
        charger.pollOnce();
        assertEquals(EvseState.OFFLINE, charger.snapshot().state());
        charger.applyLimit(amps(7));
        assertEquals(EvseState.OFFLINE, charger.snapshot().state());

        simulator.resume();
        box.set(CHARGING_CURRENT_LIMIT, 16); // rebooted with its own default
        clock.advance(Duration.ofMinutes(2));
        charger.pollOnce();
        assertTrue(charger.online());
        assertEquals(70, box.words(CHARGING_CURRENT_LIMIT)[0], "the limit wanted meanwhile is written");
        assertEquals(7_000, charger.snapshot().appliedLimit().currentMilliamps());
    }

    @Test
    void exceptionResponsesAndMalformedAnswersMakeItOffline() {
        charger.pollOnce();
        box.answerWithException(4);
        clock.advance(Duration.ofSeconds(1));
        charger.pollOnce();
        assertEquals(EvseState.OFFLINE, charger.snapshot().state());
        box.answerMalformed();
        clock.advance(Duration.ofMinutes(2));
        charger.pollOnce();
        assertEquals(EvseState.OFFLINE, charger.snapshot().state());
        box.answerNormally();
        clock.advance(Duration.ofMinutes(2));
        charger.pollOnce();
        assertEquals(EvseState.CHARGING, charger.snapshot().state());
    }

    @Test
    void garbageCurrentsWhileChargingAreTakenAsTheLimitNeverAsNothing() {
        charger.applyLimit(amps(13));
        charger.pollOnce();
        box.setNotAvailable(CURRENT_L1).setWords(CURRENT_L2, 0x7FFF, 0xFFFF).setNotAvailable(POWER);
        charger.pollOnce();
        PhaseCurrents currents = charger.snapshot().currents();
        assertEquals(13_000, currents.l1Milliamps(), "0xFFFFFFFF");
        assertEquals(13_000, currents.l2Milliamps(), "214 million amperes");
        assertEquals(10_500, currents.l3Milliamps());
        assertEquals((13_000 + 13_000 + 10_500) * 230 / 1000.0, charger.snapshot().powerWatts(), 0.01);
    }

    @Test
    void aRebootThatReportsZeroEnergyNeverMakesTheCounterGoBack() {
        charger.pollOnce();
        assertEquals(123_456, charger.snapshot().energyWattHours());
        box.startReboot(ENERGY);
        charger.pollOnce();
        assertEquals(123_456, charger.snapshot().energyWattHours());
        box.finishReboot().set(ENERGY, 123_470);
        charger.pollOnce();
        assertEquals(123_470, charger.snapshot().energyWattHours());
        box.setNotAvailable(ENERGY);
        charger.pollOnce();
        assertEquals(123_470, charger.snapshot().energyWattHours());
    }

    @Test
    void aDeviceThatIsNotACfosIsNeverControlled() {
        box.set(VENDOR_ID, 0x1234);
        charger.applyLimit(amps(16));
        charger.pollOnce();
        charger.pollOnce();
        assertEquals(EvseState.OFFLINE, charger.snapshot().state());
        assertEquals(0, box.writeCount(CHARGING_CURRENT_LIMIT));
        assertEquals(0, box.writeCount(CHARGING_ENABLE));
    }

    @Test
    void aBoxThatResetsItsLimitWithoutDisconnectingGetsOursAgain() {
        charger.applyLimit(amps(9));
        charger.pollOnce();
        assertEquals(90, box.words(CHARGING_CURRENT_LIMIT)[0]);
        box.set(CHARGING_CURRENT_LIMIT, 16);
        charger.pollOnce();
        charger.pollOnce();
        assertEquals(90, box.words(CHARGING_CURRENT_LIMIT)[0]);
    }
}
