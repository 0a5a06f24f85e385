package org.chargingmanager.meter.shelly.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.Staleness;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.shelly.ShellySimulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver against the test kit's Shelly simulator over real HTTP with digest authentication on loopback. */
class ShellyReaderTest {

    private static final String PASSWORD = "s3cret-Pa55";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));
    private ShellySimulator meter;
    private ShellyReader reader;

    @AfterEach
    void stop() {
        meter.close();
    }

    private ShellyReader start(ShellySimulator.Model model, ShellyModel configured, String devicePassword,
            String configuredPassword, int channel) {
        meter = ShellySimulator.start(model, devicePassword);
        ShellySettings settings = new ShellySettings("grid", "Grid", MeterRole.GRID, configured,
                URI.create("http://127.0.0.1:" + meter.port()), channel, Phase.L2, configuredPassword,
                Duration.ofSeconds(1), Duration.ofMillis(2000));
        reader = new ShellyReader(settings, new ShellyRpc(settings.baseUri(), settings.timeout(),
                settings.password()), clock);
        return reader;
    }

    private void poll(int times) {
        for (int i = 0; i < times; i++) {
            reader.pollOnce();
            clock.advance(Duration.ofSeconds(1));
        }
    }

    @Test
    void pro3emWithDigestAuthentication() {
        start(ShellySimulator.Model.PRO_3EM, ShellyModel.PRO_3EM, PASSWORD, PASSWORD, 0);
        meter.phase(0, 230, 10.5, 2400).phase(1, 231, 4.2, -950).phase(2, 229, 0.5, 100).energies(1_234_567, 89_000);
        poll(1);

        MeterReading reading = reader.reading();
        assertThat(reading.powerWatts()).isEqualTo(1550.0);
        assertThat(reading.powers()).isEqualTo(new PhasePowers(2400, -950, 100));
        assertThat(reading.currents()).isEqualTo(new PhaseCurrents(10500, -4200, 500));
        assertThat(reading.voltages().l2Volts()).isEqualTo(231.0);
        assertThat(reading.energyImportWattHours()).isEqualTo(1_234_567.0);
        assertThat(reading.energyExportWattHours()).isEqualTo(89_000.0);
        assertThat(reader.info().identity().model()).isEqualTo("Pro 3EM (SPEM-003CEBEU)");
        assertThat(reader.info().identity().firmwareVersion()).isEqualTo("1.0.8");
        assertThat(meter.rejectedAuthorizations()).isZero();

        poll(10);
        // one challenge at the start; afterwards every request is authorized with the kept challenge
        assertThat(meter.unauthorized()).isEqualTo(1);
        assertThat(reader.online()).isTrue();
    }

    @Test
    void aNewNonceAfterARestartIsAnsweredWithoutGoingOffline() {
        start(ShellySimulator.Model.PRO_3EM, ShellyModel.PRO_3EM, PASSWORD, PASSWORD, 0);
        poll(2);
        meter.newNonce();
        meter.phase(0, 230, 16, 3680);
        poll(1);
        assertThat(reader.online()).isTrue();
        assertThat(reader.reading().powers().l1Watts()).isEqualTo(3680.0);
        assertThat(reader.reading().timestamp()).isEqualTo(clock.instant().minusSeconds(1));
    }

    @Test
    void aWrongPasswordIsOneClearLogLineAndThePasswordIsNeverLogged() {
        PrintStream original = System.err;
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            start(ShellySimulator.Model.PRO_3EM, ShellyModel.PRO_3EM, "the-real-one", PASSWORD, 0);
            poll(5);
        } finally {
            System.setErr(original);
        }
        String text = log.toString(StandardCharsets.UTF_8);
        assertThat(reader.reading()).isNull();
        assertThat(reader.online()).isFalse();
        assertThat(text).doesNotContain(PASSWORD).doesNotContain("the-real-one");
        assertThat(text.lines().filter(l -> l.contains("refuses the password")).count()).isEqualTo(1);
        assertThat(reader.toString() + reader.info()).doesNotContain(PASSWORD);
    }

    @Test
    void proEmChannelOnItsGridPhaseWithoutPassword() {
        start(ShellySimulator.Model.PRO_EM, ShellyModel.PRO_EM, null, "", 1);
        meter.phase(1, 232, 7.5, -1700).energies(5_000, 12_000);
        poll(1);
        MeterReading reading = reader.reading();
        assertThat(reading.powerWatts()).isEqualTo(-1700.0);
        assertThat(reading.powers()).isEqualTo(new PhasePowers(0, -1700, 0));
        assertThat(reading.currents()).isEqualTo(new PhaseCurrents(0, -7500, 0));
        assertThat(reading.energyExportWattHours()).isEqualTo(12_000.0);
    }

    @Test
    void theWrongModelIsRefusedWithAHint() {
        start(ShellySimulator.Model.PRO_EM, ShellyModel.PRO_3EM, null, "", 0);
        poll(2);
        assertThat(reader.reading()).isNull();
        assertThat(reader.online()).isFalse();
    }

    @Test
    void timeoutGarbageAndAMissingFieldDropTheReadingWhichTurnsStaleAndEnergiesNeverGoBack() {
        start(ShellySimulator.Model.PRO_3EM, ShellyModel.PRO_3EM, PASSWORD, PASSWORD, 0);
        meter.phase(0, 230, 10, 2300);
        poll(1);
        Instant good = reader.lastReadingAt();

        meter.delayAnswers(Duration.ofMillis(2500));
        poll(1);
        assertThat(reader.online()).isFalse();
        meter.delayAnswers(Duration.ZERO).garbage(true);
        poll(1);
        meter.garbage(false).omitField("b_act_power"); // another firmware
        poll(10);
        assertThat(reader.lastReadingAt()).isEqualTo(good);
        assertThat(Staleness.stale(reader.reading().timestamp(), clock.instant())).isTrue();

    }

    @Test
    void aMeterReportingZeroAfterARestartDoesNotTurnTheEnergyBack() {
        start(ShellySimulator.Model.PRO_3EM, ShellyModel.PRO_3EM, null, "", 0);
        meter.energies(2_000_000, 300_000);
        poll(1);
        meter.energies(0, 0);
        poll(1);
        assertThat(reader.reading().energyImportWattHours()).isEqualTo(2_000_000.0);
        assertThat(reader.reading().energyExportWattHours()).isEqualTo(300_000.0);
    }
}
