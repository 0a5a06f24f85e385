package org.chargingmanager.wallbox.goe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.goe.GoeSimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver against the test kit's go-e simulator over real HTTP on loopback. */
class GoeChargerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private GoeSimulator box;
    private GoeCharger charger;

    @AfterEach
    void stop() {
        box.close();
    }

    private GoeCharger start(GoeSimulator.Api api, GoeApiVersion configured, int phases) {
        box = GoeSimulator.start(api, clock);
        GoeSettings settings = new GoeSettings("goe-carport", "Carport", box.baseUri(), configured, phases,
                PhaseRotation.L1_L2_L3, 6000, 16000, Duration.ofSeconds(1), Duration.ofMillis(2000));
        charger = new GoeCharger(settings, new GoeHttp(settings.baseUri(), settings.timeout()), clock, Runnable::run);
        return charger;
    }

    private static ChargingLimit amps(double amps) {
        return new ChargingLimit((int) Math.round(amps * 1000), LimitReason.HOUSE_LIMIT, "test");
    }

    private void poll(int times) {
        for (int i = 0; i < times; i++) {
            charger.pollOnce();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void apiV2ReadsTheBoxAndSetsTheCurrentAndPause() {
        start(GoeSimulator.Api.V2, GoeApiVersion.AUTO, 3);
        box.plugCar(32000, 3).card(2);
        charger.applyLimit(amps(10.9));
        poll(2);

        assertThat(charger.apiVersion()).isEqualTo(GoeApiVersion.V2);
        assertThat(box.amps()).isEqualTo(10);
        assertThat(box.drawnMilliamps()).isEqualTo(10000);
        EvseSnapshot snapshot = charger.snapshot();
        assertThat(snapshot.state()).isEqualTo(EvseState.CHARGING);
        assertThat(snapshot.currents()).isEqualTo(new PhaseCurrents(10000, 10000, 10000));
        assertThat(snapshot.powerWatts()).isEqualTo(6900.0);
        assertThat(snapshot.energyWattHours()).isGreaterThanOrEqualTo(345_678.0);
        assertThat(snapshot.idTag()).isEqualTo("goe-card-2");
        assertThat(snapshot.appliedLimit().currentMilliamps()).isEqualTo(10000);
        assertThat(charger.info().identity().serialNumber()).isEqualTo("012345");
        assertThat(charger.info().identity().firmwareVersion()).isEqualTo("055.7");
        assertThat(charger.info().capabilities().phaseSwitching()).isTrue();

        charger.applyLimit(amps(4)); // below the minimum: pause, at once (urgent)
        assertThat(box.force()).isEqualTo(1);
        assertThat(box.drawnMilliamps()).isZero();
        poll(1);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.SUSPENDED_EVSE);

        charger.applyLimit(amps(16));
        poll(2);
        assertThat(box.force()).isZero();
        assertThat(box.drawnMilliamps()).isEqualTo(16000);
        assertThat(box.writes()).containsExactly("amp=10", "frc=0", "frc=1", "amp=16", "frc=0");
    }

    @Test
    void valuesAreWrittenOnlyOnChangeNeverEveryPoll() {
        start(GoeSimulator.Api.V2, GoeApiVersion.V2, 3);
        box.plugCar(32000, 3);
        charger.applyLimit(amps(12));
        poll(20);
        assertThat(box.writes()).containsExactly("amp=12", "frc=0");
        assertThat(box.requests()).isEqualTo(22);
    }

    @Test
    void phaseSwitchingOnApiV2() {
        start(GoeSimulator.Api.V2, GoeApiVersion.AUTO, 3);
        box.plugCar(32000, 3);
        charger.applyLimit(amps(8));
        poll(2);
        charger.applyLimit(amps(8).withPhases(1));
        assertThat(box.phaseMode()).isEqualTo(1);
        poll(1);
        assertThat(charger.snapshot().currents()).isEqualTo(new PhaseCurrents(8000, 0, 0));
        assertThat(charger.snapshot().appliedLimit().phases()).isEqualTo(1);
    }

    @Test
    void apiV1FallbackSetsTheVolatileAmxAndNeverTheEepromAmp() {
        start(GoeSimulator.Api.V1, GoeApiVersion.AUTO, 3);
        box.plugCar(32000, 3);
        charger.applyLimit(amps(11));
        poll(3);

        assertThat(charger.apiVersion()).isEqualTo(GoeApiVersion.V1);
        assertThat(box.amps()).isEqualTo(11);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(charger.snapshot().currents()).isEqualTo(new PhaseCurrents(11000, 11000, 11000));
        assertThat(charger.snapshot().powerWatts()).isEqualTo(7590.0, org.assertj.core.data.Offset.offset(30.0));
        assertThat(charger.snapshot().energyWattHours()).isEqualTo(345_700.0);
        assertThat(charger.info().capabilities().phaseSwitching()).isFalse();

        charger.applyLimit(amps(7));
        charger.applyLimit(amps(0));
        poll(1);
        charger.applyLimit(amps(9));
        poll(15);
        assertThat(box.writes()).containsExactly("amx=11", "alw=1", "amx=7", "alw=0", "amx=9", "alw=1");
        assertThat(box.eepromWrites()).isZero();
    }

    @Test
    void aRebootedBoxGetsItsValuesBackButNotInALoop() {
        start(GoeSimulator.Api.V1, GoeApiVersion.V1, 3);
        box.plugCar(32000, 3);
        charger.applyLimit(amps(8));
        poll(2);
        box.reboot(); // amx lost: 16 A from the EEPROM
        assertThat(box.drawnMilliamps()).isEqualTo(16000);
        poll(1);
        assertThat(box.amps()).isEqualTo(8);
        assertThat(box.writes()).containsExactly("amx=8", "alw=1", "amx=8");
        assertThat(box.eepromWrites()).isZero();
    }

    @Test
    void timeoutGarbageAndAnotherFirmwareMakeTheBoxOfflineAndStaleThenItIsFoundAgain() {
        start(GoeSimulator.Api.V2, GoeApiVersion.AUTO, 3);
        box.plugCar(32000, 3);
        charger.applyLimit(amps(10));
        poll(2);
        double energy = charger.snapshot().energyWattHours();

        box.delayAnswers(Duration.ofMillis(2500));
        poll(1);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.OFFLINE);
        assertThat(charger.online()).isFalse();
        box.delayAnswers(Duration.ZERO).garbage(true);
        poll(10);
        assertThat(charger.snapshot().stale(clock.instant())).isTrue();
        assertThat(charger.snapshot().energyWattHours()).isEqualTo(energy);

        // back with a firmware that only speaks v1 and forgot the current
        box.garbage(false).firmware(GoeSimulator.Api.V1, "040.0").reboot();
        poll(2);
        assertThat(charger.apiVersion()).isEqualTo(GoeApiVersion.V1);
        assertThat(charger.online()).isTrue();
        assertThat(box.amps()).isEqualTo(10);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(charger.snapshot().stale(clock.instant())).isFalse();
        assertThat(charger.info().identity().firmwareVersion()).isEqualTo("040.0");
        assertThat(box.eepromWrites()).isZero();
    }

    @Test
    void aStatusWithoutItsFieldsIsAClearErrorNotACrash() {
        start(GoeSimulator.Api.V2, GoeApiVersion.V2, 1);
        box.plugCar(16000, 1);
        charger.applyLimit(amps(6));
        poll(2);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(charger.snapshot().currents()).isEqualTo(new PhaseCurrents(6000, 0, 0));
        box.garbage(true);
        poll(1);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.OFFLINE);
    }
}
