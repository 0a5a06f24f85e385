package org.chargingmanager.meter.sma.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.Staleness;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.sma.SmaMeterSender;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Telegrams built by the test kit from the documented Speedwire format: parsed, decoded, received over UDP. */
class SmaMeterTest {

    private static final long SERIAL = 1_900_123_456L;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T08:00:00Z"));

    private static org.chargingmanager.testkit.sma.SmaTelegram telegram(long serial) {
        return org.chargingmanager.testkit.sma.SmaTelegram.of(serial).power(0, 2450).power(1, 3000).power(2, -800)
                .power(3, 250).current(1, 13.1).current(2, 3.6).current(3, 1.2).voltage(1, 230.5).voltage(2, 229.8)
                .voltage(3, 231.0).frequency(50.01).energies(12_345_678.9, 2_345_678.1);
    }

    private SmaMeterReader reader(long serial) {
        try {
            return new SmaMeterReader(new SmaSettings("grid", "Grid", MeterRole.GRID, serial,
                    InetAddress.getByName("239.12.255.254"), 9522, null), clock);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aTelegramIsParsedIntoItsObisValues() throws Exception {
        byte[] bytes = telegram(SERIAL).bytes();
        SmaTelegram parsed = SmaTelegramParser.parse(bytes, bytes.length);
        assertThat(parsed.serial()).isEqualTo(SERIAL);
        assertThat(parsed.susyId()).isEqualTo(349);
        assertThat(parsed.actual(1)).hasValue(24500);
        assertThat(parsed.actual(42)).hasValue(8000);
        assertThat(parsed.actual(31)).hasValue(13100);
        assertThat(parsed.counter(1)).hasValue(Math.round(12_345_678.9 * 3600));
        assertThat(parsed.actual(14)).hasValue(50010);
    }

    @Test
    void otherSpeedwireTrafficIsNotAnErrorButCutTelegramsAre() {
        byte[] inverter = telegram(SERIAL).protocol(0x6065).bytes();
        assertThatThrownBy(() -> SmaTelegramParser.parse(inverter, inverter.length))
                .isInstanceOf(SmaTelegramParser.NotAMeterTelegram.class);
        assertThatThrownBy(() -> SmaTelegramParser.parse("hello".getBytes(), 5))
                .isInstanceOf(SmaTelegramParser.NotAMeterTelegram.class);
        byte[] bytes = telegram(SERIAL).bytes();
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 30);
        assertThatThrownBy(() -> SmaTelegramParser.parse(cut, cut.length))
                .isInstanceOf(SmaTelegramParser.BadTelegram.class);
    }

    @Test
    void theReadingHasNetPowersSignedCurrentsAndEnergiesInWattHours() throws Exception {
        SmaMeterReader reader = reader(SERIAL);
        byte[] bytes = telegram(SERIAL).bytes();
        reader.accept(SmaTelegramParser.parse(bytes, bytes.length), clock.instant());
        MeterReading reading = reader.reading();
        assertThat(reading.powerWatts()).isEqualTo(2450.0);
        assertThat(reading.powers()).isEqualTo(new PhasePowers(3000, -800, 250));
        assertThat(reading.currents()).isEqualTo(new PhaseCurrents(13100, -3600, 1200));
        assertThat(reading.voltages().l1Volts()).isEqualTo(230.5);
        assertThat(reading.energyImportWattHours()).isCloseTo(12_345_678.9, org.assertj.core.data.Offset.offset(0.01));
        assertThat(reading.energyExportWattHours()).isCloseTo(2_345_678.1, org.assertj.core.data.Offset.offset(0.01));
        assertThat(reader.info().identity().serialNumber()).isEqualTo(Long.toString(SERIAL));
    }

    @Test
    void onlyTheConfiguredSerialCountsOrTheFirstHeardWhenNoneIsSet() throws Exception {
        SmaMeterReader reader = reader(SERIAL);
        byte[] other = telegram(3_000_000_001L).power(0, 9999).bytes();
        reader.accept(SmaTelegramParser.parse(other, other.length), clock.instant());
        assertThat(reader.reading()).isNull();

        SmaMeterReader any = reader(0);
        any.accept(SmaTelegramParser.parse(other, other.length), clock.instant());
        assertThat(any.reading().powerWatts()).isEqualTo(9999.0);
        byte[] mine = telegram(SERIAL).bytes();
        any.accept(SmaTelegramParser.parse(mine, mine.length), clock.instant());
        assertThat(any.reading().powerWatts()).isEqualTo(9999.0);
        assertThat(any.info().identity().serialNumber()).isEqualTo("3000000001");
    }

    @Test
    void aTelegramWithoutAValueIsDroppedAndTheLastReadingTurnsStaleEnergiesNeverGoBack() throws Exception {
        SmaMeterReader reader = reader(SERIAL);
        byte[] good = telegram(SERIAL).bytes();
        reader.accept(SmaTelegramParser.parse(good, good.length), clock.instant());
        Instant goodAt = clock.instant();

        clock.advance(Duration.ofSeconds(1));
        byte[] withoutPhases = org.chargingmanager.testkit.sma.SmaTelegram.of(SERIAL).power(0, 100)
                .energies(1, 1).bytes();
        reader.accept(SmaTelegramParser.parse(withoutPhases, withoutPhases.length), clock.instant());
        assertThat(reader.reading().timestamp()).isEqualTo(goodAt);
        clock.advance(Duration.ofSeconds(11));
        reader.check();
        assertThat(Staleness.stale(reader.reading().timestamp(), clock.instant())).isTrue();
        assertThat(reader.online()).isFalse();

        byte[] reset = telegram(SERIAL).energies(0, 0).bytes();
        reader.accept(SmaTelegramParser.parse(reset, reset.length), clock.instant());
        assertThat(reader.online()).isTrue();
        assertThat(reader.reading().energyImportWattHours()).isCloseTo(12_345_678.9,
                org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void receivesTelegramsSentToAUnicastAddress() throws Exception {
        int port = freePort();
        SmaSettings settings = new SmaSettings("grid", "Grid", MeterRole.GRID, SERIAL,
                InetAddress.getLoopbackAddress(), port, null);
        SmaMeterReader reader = new SmaMeterReader(settings, clock);
        try (SmaReceiver receiver = new SmaReceiver(settings, reader, clock);
                SmaMeterSender sender = SmaMeterSender.to(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                        null)) {
            sender.send(telegram(SERIAL).protocol(0x6065));
            sender.send(new byte[] {1, 2, 3});
            sender.send(telegram(SERIAL));
            Await.until("the telegram", () -> reader.reading() != null);
            assertThat(reader.reading().powerWatts()).isEqualTo(2450.0);
        }
    }

    @Test
    void receivesTheMulticastGroupOnTheLoopbackInterface() throws Exception {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        Assumptions.assumeTrue(loopback != null && loopback.supportsMulticast(),
                "this machine has no multicast on loopback");
        int port = freePort();
        InetAddress group = InetAddress.getByName("239.12.255.254");
        SmaSettings settings = new SmaSettings("grid", "Grid", MeterRole.GRID, SERIAL, group, port, loopback);
        SmaMeterReader reader = new SmaMeterReader(settings, clock);
        try (SmaReceiver receiver = new SmaReceiver(settings, reader, clock);
                SmaMeterSender sender = SmaMeterSender.to(new InetSocketAddress(group, port), loopback)) {
            for (int i = 0; i < 20 && reader.reading() == null; i++) {
                sender.send(telegram(SERIAL));
                Thread.sleep(50);
            }
            Await.until("the multicast telegram", () -> reader.reading() != null);
            assertThat(reader.reading().powers().l2Watts()).isEqualTo(-800.0);
        }
    }

    private static int freePort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
