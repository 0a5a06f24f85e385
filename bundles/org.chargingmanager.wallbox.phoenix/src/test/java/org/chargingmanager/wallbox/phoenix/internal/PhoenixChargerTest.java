package org.chargingmanager.wallbox.phoenix.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.ModbusTestKit;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both controller variants against the test kit's Modbus simulator holding their register maps and units. */
class PhoenixChargerTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private ModbusTcpSimulator simulator;
    private ModbusTestKit.LinesForTest lines;
    private ModbusLine line;
    private SimulatedDevice box;
    private PhoenixVariant variant;
    private PhoenixCharger charger;
    private boolean carPlugged = true;

    private void start(PhoenixVariant newVariant) {
        variant = newVariant;
        simulator = ModbusTcpSimulator.start();
        ModbusEndpoint endpoint = simulator.endpoint();
        if (variant.serial()) {
            endpoint = simulator.behindSerialBridge(ModbusEndpoint.SerialFraming.RTU).bridgeEndpoint();
        }
        box = simulator.device(variant.defaultUnitId(), variant.protocol());
        setStatus('B');
        box.set(variant.maxCurrent(), 16).set(variant.enable(), true);
        if (variant.metered()) {
            box.set(variant.energy(), 2_500_000);
            for (int phase = 1; phase <= 3; phase++) {
                box.set(variant.volts(phase), 230);
            }
        }
        lines = ModbusTestKit.lines(clock);
        line = lines.open(endpoint);
        PhoenixSettings settings = new PhoenixSettings("wallbe", "Wallbe", variant, endpoint, 0, 3,
                PhaseRotation.L1_L2_L3, 6000, 16000, Duration.ofSeconds(1), Duration.ofMillis(500));
        charger = new PhoenixCharger(settings, line, clock, Runnable::run);
    }

    /** The state letter as the variant reports it: the low byte on ETH, two characters ("C2") on the RTU one. */
    private void setStatus(char letter) {
        box.set(variant.status(), variant.serial() ? letter << 8 | (letter == 'A' ? '1' : '2') : letter);
    }

    @AfterEach
    void stop() {
        line.close();
        lines.close();
        simulator.close();
    }

    /** The car draws what the controller allows. */
    private void poll(int times) {
        for (int i = 0; i < times; i++) {
            charger.pollOnce();
            double allowed = box.bit(variant.enable()) ? box.number(variant.maxCurrent()).orElse(0) : 0;
            double drawn = carPlugged && allowed >= 6 ? allowed : 0;
            setStatus(!carPlugged ? 'A' : drawn > 0 ? 'C' : 'B');
            if (variant.metered()) {
                for (int phase = 1; phase <= 3; phase++) {
                    box.set(variant.amps(phase), drawn);
                }
                box.set(variant.power(), Math.round(drawn * 230 * 3 / 10) * 10);
            }
            clock.advance(Duration.ofSeconds(1));
        }
    }

    private static ChargingLimit amps(double amps) {
        return new ChargingLimit((int) Math.round(amps * 1000), LimitReason.HOUSE_LIMIT, "test");
    }

    @ParameterizedTest
    @EnumSource(value = PhoenixVariant.class, names = {"EV_ETH", "EM_CP_PP_ETH"})
    void setsTheLimitInWholeAmperesAndReadsTheValuesInTheVariantsUnits(PhoenixVariant tested) {
        start(tested);
        charger.applyLimit(amps(10.9));
        poll(3);
        assertThat(box.number(variant.maxCurrent())).hasValue(10.0);
        assertThat(box.bit(variant.enable())).isTrue();
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(charger.snapshot().currents()).isEqualTo(new PhaseCurrents(10000, 10000, 10000));
        assertThat(charger.snapshot().powerWatts()).isEqualTo(6900.0);
        assertThat(charger.snapshot().energyWattHours()).isEqualTo(2_500_000.0);
        assertThat(box.writeCount(variant.maxCurrent())).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(PhoenixVariant.class)
    void pausesWithTheEnableCoilAtOnceAndWritesNothingWhileNothingChanges(PhoenixVariant tested) {
        start(tested);
        charger.applyLimit(amps(16));
        poll(2);
        charger.applyLimit(amps(2));
        assertThat(box.bit(variant.enable())).isFalse();
        poll(10);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.SUSPENDED_EVSE);
        assertThat(box.writeCount(variant.enable())).isEqualTo(2);
        charger.applyLimit(amps(8));
        poll(2);
        assertThat(box.bit(variant.enable())).isTrue();
        assertThat(box.number(variant.maxCurrent())).hasValue(8.0);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
    }

    @ParameterizedTest
    @EnumSource(PhoenixVariant.class)
    void aRestartedControllerGetsItsValuesBackAndASilentOneIsOffline(PhoenixVariant tested) {
        start(tested);
        charger.applyLimit(amps(4));
        poll(2);
        box.set(variant.enable(), true); // restarted: enabled by default
        poll(2);
        assertThat(box.bit(variant.enable())).isFalse();

        box.stopAnswering();
        poll(1);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.OFFLINE);
        assertThat(charger.online()).isFalse();
        box.answerNormally();
        poll(2);
        assertThat(charger.online()).isTrue();
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.SUSPENDED_EVSE);
    }

    @Test
    void theRtuControllerWithoutMeterCountsTheLimitOnEveryPhaseAndGetsItsVolatileValuesBack() {
        start(PhoenixVariant.EV_CC_AC1_M);
        box.setText(variant.designation(), "EV-CC-AC1-M3-CBC-RCM").setText(variant.serialNumber(), "1234567890")
                .set(variant.firmware(), 'V' << 8 | 2);
        simulator.device(variant.defaultUnitId()).setWords(
                org.chargingmanager.modbus.protocol.Register.input("version", 1032,
                        org.chargingmanager.modbus.protocol.RegisterType.U32), 14, 3);
        charger.applyLimit(amps(10.9));
        poll(3);
        assertThat(charger.info().identity().model()).isEqualTo("EV-CC-AC1-M3-CBC-RCM");
        assertThat(charger.info().identity().serialNumber()).isEqualTo("1234567890");
        assertThat(charger.info().identity().firmwareVersion()).isEqualTo("V2.14.3");
        assertThat(box.number(variant.maxCurrent())).hasValue(10.0);
        assertThat(box.bit(variant.enable())).isTrue();
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.CHARGING);
        assertThat(charger.snapshot().currents()).isEqualTo(new PhaseCurrents(10000, 10000, 10000));
        assertThat(charger.snapshot().powerWatts()).isEqualTo(6900.0);
        assertThat(charger.snapshot().phasesInUse()).isEqualTo(3);

        box.set(variant.maxCurrent(), 32); // the controller restarted: 22000 is volatile, the connection stays
        poll(2);
        assertThat(box.number(variant.maxCurrent())).hasValue(10.0);
        assertThat(box.writeCount(variant.maxCurrent())).isEqualTo(2);

        carPlugged = false;
        poll(2);
        assertThat(charger.snapshot().state()).isEqualTo(EvseState.AVAILABLE);
        assertThat(charger.snapshot().currents()).isEqualTo(PhaseCurrents.ZERO);
    }

    @Test
    void theEvEthReportsTheCardOfTheSessionWhenItsReaderIsOn() {
        start(PhoenixVariant.EV_ETH);
        box.set(variant.cardReaderEnabled(), true).setText(variant.cardUid(), "04A2B3C4D5");
        charger.applyLimit(amps(16));
        poll(2);
        assertThat(charger.info().capabilities().reportsIdTag()).isTrue();
        assertThat(charger.snapshot().idTag()).isEqualTo("04A2B3C4D5");
        carPlugged = false;
        poll(2);
        assertThat(charger.snapshot().idTag()).isNull();
    }

    @Test
    void withoutCardReaderThereIsNoTag() {
        start(PhoenixVariant.EV_ETH);
        box.setText(variant.cardUid(), "04A2B3C4D5");
        poll(2);
        assertThat(charger.info().capabilities().reportsIdTag()).isFalse();
        assertThat(charger.snapshot().idTag()).isNull();
    }
}
