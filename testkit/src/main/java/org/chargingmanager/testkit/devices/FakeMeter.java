package org.chargingmanager.testkit.devices;

import java.time.Clock;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseVoltages;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;

/**
 * A meter whose values the test sets. While {@link #online(boolean) online} its reading is time-stamped now;
 * offline it keeps the instant of its last answer and so turns stale. Thread safe.
 */
public final class FakeMeter implements Meter {

    private static final double VOLTS = 230.0;

    private final MeterInfo info;
    private final Clock clock;

    private PhaseCurrents currents = PhaseCurrents.ZERO;
    private Double powerWatts;
    private double importWattHours;
    private double exportWattHours;
    private boolean online = true;
    private Instant lastSeen;

    public FakeMeter(MeterInfo info, Clock clock) {
        this.info = info;
        this.clock = clock;
        this.lastSeen = clock.instant();
    }

    /** A meter with ID, name {@code "Meter " + id}, driver {@code fake} and the role. */
    public static FakeMeter of(String id, MeterRole role, Clock clock) {
        return new FakeMeter(new MeterInfo(id, "Meter " + id, "fake", role), clock);
    }

    /** Sets the currents per phase; the powers follow at 230 V unless {@link #powerWatts(double)} is set. */
    public synchronized FakeMeter currents(PhaseCurrents newCurrents) {
        currents = newCurrents == null ? PhaseCurrents.ZERO : newCurrents;
        return this;
    }

    public synchronized FakeMeter powerWatts(double watts) {
        powerWatts = watts;
        return this;
    }

    public synchronized FakeMeter energyWattHours(double importTotal, double exportTotal) {
        importWattHours = importTotal;
        exportWattHours = exportTotal;
        return this;
    }

    public synchronized FakeMeter online(boolean answering) {
        if (online && !answering) {
            lastSeen = clock.instant();
        }
        online = answering;
        return this;
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public synchronized MeterReading reading() {
        PhasePowers powers = new PhasePowers(currents.l1Milliamps() * VOLTS / 1000,
                currents.l2Milliamps() * VOLTS / 1000, currents.l3Milliamps() * VOLTS / 1000);
        double watts = powerWatts != null ? powerWatts : powers.l1Watts() + powers.l2Watts() + powers.l3Watts();
        return new MeterReading(online ? clock.instant() : lastSeen, watts, powers, currents, PhaseVoltages.NOMINAL,
                importWattHours, exportWattHours);
    }
}
