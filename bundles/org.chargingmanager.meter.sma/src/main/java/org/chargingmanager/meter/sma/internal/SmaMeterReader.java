package org.chargingmanager.meter.sma.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.EnergyRegister;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseVoltages;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMA meter: takes the telegrams of its serial number. Net power per phase is import minus export (the meter
 * sends both, one of them 0), currents get the sign of their phase's power. A telegram of the meter that lacks a value
 * or has an impossible one is dropped and logged once; the last good reading stays and turns stale. {@link #check()}
 * logs once when the meter has fallen silent and once when it is back. Thread-safe; outside OSGi for tests.
 */
final class SmaMeterReader implements Meter {

    static final String DRIVER = "sma";
    /** Silent for this long: logged as offline (the reading turns stale after 10 s by the API's rule). */
    static final Duration SILENCE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(SmaMeterReader.class);
    private static final long MAX_PLAUSIBLE_DECIWATTS = 100_000_000L;
    private static final long MAX_PLAUSIBLE_MILLIAMPS = 10_000_000L;
    private static final long MAX_PLAUSIBLE_MILLIVOLTS = 1_000_000L;

    private final SmaSettings settings;
    private final Clock clock;
    private final EnergyRegister imported = new EnergyRegister();
    private final EnergyRegister exported = new EnergyRegister();

    private volatile MeterInfo info;
    private volatile MeterReading reading;
    private long serial;
    private Instant lastHeard;
    private boolean online;
    private boolean silenceReported;
    private String badReported;

    SmaMeterReader(SmaSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.serial = settings.serialNumber();
        this.info = new MeterInfo(settings.meterId(), settings.name(), DRIVER, settings.role(),
                new DeviceIdentity("SMA", "Energy Meter", serial == 0 ? "" : Long.toString(serial), ""));
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public MeterReading reading() {
        return reading;
    }

    /** A telegram from any meter on the group. */
    synchronized void accept(SmaTelegram telegram, Instant at) {
        if (serial == 0) {
            serial = telegram.serial();
            LOG.info("SMA meter {}: takes the first meter heard, serial number {} (SUSy ID {}); set serialNumber to "
                    + "keep it", settings.meterId(), serial, telegram.susyId());
        }
        if (telegram.serial() != serial) {
            return;
        }
        try {
            reading = decode(telegram, at);
        } catch (IllegalArgumentException e) {
            reportBad(e.getMessage());
            return;
        }
        badReported = null;
        lastHeard = at;
        if (!online) {
            LOG.info("SMA meter {} (serial {}) is heard: {} W", settings.meterId(), serial, reading.powerWatts());
            online = true;
            silenceReported = false;
            info = new MeterInfo(settings.meterId(), settings.name(), DRIVER, settings.role(),
                    new DeviceIdentity("SMA", telegram.susyId() == 372 ? "Sunny Home Manager 2.0" : "Energy Meter",
                            Long.toString(serial), ""));
        }
    }

    /** A telegram of this meter that could not be parsed. */
    synchronized void bad(long fromSerial, String problem) {
        if (fromSerial == serial) {
            reportBad(problem);
        }
    }

    private void reportBad(String problem) {
        if (!problem.equals(badReported)) {
            LOG.warn("SMA meter {} (serial {}): telegram dropped: {}", settings.meterId(), serial, problem);
            badReported = problem;
        }
    }

    /** Called every second: logs once when the meter has been silent for {@link #SILENCE}. */
    synchronized void check() {
        Instant now = clock.instant();
        if ((lastHeard == null || !now.isBefore(lastHeard.plus(SILENCE))) && !silenceReported) {
            LOG.warn("SMA meter {} (serial {}) is offline: no telegram for {} s on {}:{}", settings.meterId(),
                    serial == 0 ? "any" : serial, SILENCE.toSeconds(), settings.group().getHostAddress(),
                    settings.port());
            silenceReported = true;
            online = false;
        }
    }

    private MeterReading decode(SmaTelegram telegram, Instant at) {
        double totalWatts = watts(telegram, 0);
        PhasePowers powers = new PhasePowers(watts(telegram, 1), watts(telegram, 2), watts(telegram, 3));
        PhaseCurrents currents = new PhaseCurrents(milliamps(telegram, 1, powers.l1Watts()),
                milliamps(telegram, 2, powers.l2Watts()), milliamps(telegram, 3, powers.l3Watts()));
        PhaseVoltages voltages = new PhaseVoltages(volts(telegram, 1), volts(telegram, 2), volts(telegram, 3));
        OptionalLong importWs = telegram.counter(1);
        OptionalLong exportWs = telegram.counter(2);
        if (importWs.isEmpty() || exportWs.isEmpty()) {
            throw new IllegalArgumentException("no energy counters (1:1.8.0, 1:2.8.0)");
        }
        imported.update(importWs.getAsLong() / 3600.0);
        exported.update(exportWs.getAsLong() / 3600.0);
        return new MeterReading(at, totalWatts, powers, currents, voltages, imported.wattHours(), exported.wattHours());
    }

    /** @param phase 0 total, 1..3 */
    private static double watts(SmaTelegram telegram, int phase) {
        long in = required(telegram, phase * 20 + 1, MAX_PLAUSIBLE_DECIWATTS, "power");
        long out = required(telegram, phase * 20 + 2, MAX_PLAUSIBLE_DECIWATTS, "power");
        return (in - out) / 10.0;
    }

    private static int milliamps(SmaTelegram telegram, int phase, double watts) {
        long milliamps = required(telegram, phase * 20 + 11, MAX_PLAUSIBLE_MILLIAMPS, "current");
        return (int) (watts < 0 ? -milliamps : milliamps);
    }

    private static double volts(SmaTelegram telegram, int phase) {
        return required(telegram, phase * 20 + 12, MAX_PLAUSIBLE_MILLIVOLTS, "voltage") / 1000.0;
    }

    private static long required(SmaTelegram telegram, int channel, long max, String what) {
        OptionalLong value = telegram.actual(channel);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " (channel " + channel + ")");
        }
        if (value.getAsLong() > max) {
            throw new IllegalArgumentException("implausible " + what + " " + value.getAsLong() + " (channel " + channel
                    + ")");
        }
        return value.getAsLong();
    }

    synchronized boolean online() {
        return online;
    }
}
