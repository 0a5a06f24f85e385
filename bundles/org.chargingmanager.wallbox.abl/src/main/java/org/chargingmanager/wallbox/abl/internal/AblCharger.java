package org.chargingmanager.wallbox.abl.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;

import org.chargingmanager.api.device.Availability;
import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.EnergyRegister;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseCapabilities;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ABL charging point (eMH1/eMH2 or an eM4 connector). Writes the current limit when it changes (a reduction at
 * once through {@code urgent}) and again when the box reports another one (it restarted, or someone changed it) —
 * at most every {@link #REWRITE_INTERVAL}, never in a loop; takes a disabled outlet (state E0) back into service.
 * Outside OSGi so tests drive it with a clock and the test kit's simulator.
 */
final class AblCharger implements Evse {

    static final String DRIVER = "abl";
    static final Duration REWRITE_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(AblCharger.class);
    private static final int PHASE_IN_USE_MILLIAMPS = 1000;
    private static final double NOMINAL_VOLTS = 230;

    private final AblSettings settings;
    private final ModbusLine line;
    private final AblLink link;
    private final Clock clock;
    private final Executor urgent;
    private final EnergyRegister energy = new EnergyRegister();

    private volatile EvseInfo info;
    private volatile EvseSnapshot snapshot;
    private volatile ChargingLimit wanted = ChargingLimit.NOT_ALLOCATED;

    private long identifiedOnConnection = -1;
    private Integer writtenMilliamps;
    private Instant writtenAt = Instant.MIN;
    private Instant outletEnabledAt = Instant.MIN;
    private ChargingLimit applied = ChargingLimit.NOT_ALLOCATED;
    private final Availability availability = new Availability();

    AblCharger(AblSettings settings, ModbusLine line, AblLink link, Clock clock, Executor urgent) {
        this.settings = settings;
        this.line = line;
        this.link = link;
        this.clock = clock;
        this.urgent = urgent;
        this.info = info(new DeviceIdentity("ABL", settings.model().displayName(), "", ""));
        this.snapshot = new EvseSnapshot(settings.evseId(), null, EvseState.OFFLINE, 0, PhaseCurrents.ZERO, 0, 0, null,
                ChargingLimit.NOT_ALLOCATED, null);
    }

    /** The link for the configured model on {@code line}. */
    static AblLink link(AblSettings settings, ModbusLine line) {
        return settings.model() == AblModel.EMH1 ? new Emh1Link(line, settings.unitId(), settings.timeout())
                : new Em4Link(line, settings.unitId(), settings.connector(), settings.timeout());
    }

    private EvseInfo info(DeviceIdentity identity) {
        return new EvseInfo(settings.evseId(), settings.name(), DRIVER, settings.endpoint() + " unit "
                + settings.unitId() + (settings.model() == AblModel.EM4 ? " connector " + settings.connector() : ""),
                settings.connector(), settings.phases(), settings.phaseRotation(), settings.minCurrentMilliamps(),
                settings.maxCurrentMilliamps(), identity,
                new EvseCapabilities(false, link.resolutionMilliamps(), false, false, false));
    }

    @Override
    public EvseInfo info() {
        return info;
    }

    @Override
    public EvseSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public void applyLimit(ChargingLimit limit) {
        ChargingLimit before = wanted;
        wanted = limit;
        if (deviceMilliamps(limit) < deviceMilliamps(before)) {
            urgent.execute(this::writeWanted);
        }
    }

    /** At most the maximum, in the box's steps, 0 (charging disabled) below the minimum. */
    int deviceMilliamps(ChargingLimit limit) {
        int milliamps = link.settableMilliamps(Math.min(limit.currentMilliamps(), settings.maxCurrentMilliamps()));
        return milliamps < settings.minCurrentMilliamps() ? 0 : milliamps;
    }

    /** One cycle: identify on a new connection, write the limit if it changed, read the box. */
    synchronized void pollOnce() {
        try {
            if (identifiedOnConnection < 0 || identifiedOnConnection != line.connectionCount()) {
                identify();
            }
            writeWanted();
            AblReading reading = link.read();
            Instant now = clock.instant();
            checkWhatTheBoxApplies(reading, now);
            snapshot = decode(reading, now);
            comeOnline();
        } catch (ModbusException e) {
            goOffline(e.getMessage());
        }
    }

    private void identify() throws ModbusException {
        DeviceIdentity identity = link.identify();
        if (!identity.equals(info.identity())) {
            LOG.info("ABL wallbox {} at {}: {}, firmware {}", settings.evseId(), settings.endpoint(),
                    identity.model(), identity.firmwareVersion().isEmpty() ? "not reported"
                            : identity.firmwareVersion());
            info = info(identity);
        }
        writtenMilliamps = null;
        identifiedOnConnection = line.connectionCount();
    }

    /** Writes the limit when it differs from what was written. */
    synchronized void writeWanted() {
        if (identifiedOnConnection < 0) {
            return;
        }
        ChargingLimit limit = wanted;
        int milliamps = deviceMilliamps(limit);
        try {
            if (writtenMilliamps == null || writtenMilliamps != milliamps) {
                link.writeLimit(milliamps);
                writtenMilliamps = milliamps;
                writtenAt = clock.instant();
            }
            applied = new ChargingLimit(milliamps, limit.reason(), limit.detail());
        } catch (ModbusException e) {
            goOffline("writing the current limit failed: " + e.getMessage());
        }
    }

    /** The box applies another limit than written (restarted, or changed on the box): write again, rate-limited. */
    private void checkWhatTheBoxApplies(AblReading reading, Instant now) throws ModbusException {
        boolean due = !now.isBefore(writtenAt.plus(REWRITE_INTERVAL));
        if (writtenMilliamps != null && reading.appliedMilliamps() != writtenMilliamps && due) {
            reportOnce("the box applies " + reading.appliedMilliamps() + " mA instead of " + writtenMilliamps
                    + " mA (restarted or changed on the box?); writing again");
            writtenMilliamps = null;
            writeWanted();
        }
        if (reading.stateCode() == AblState.OUTLET_DISABLED && writtenMilliamps != null && writtenMilliamps > 0
                && !now.isBefore(outletEnabledAt.plus(REWRITE_INTERVAL))) {
            outletEnabledAt = now;
            if (link.enableOutlet()) {
                reportOnce("the outlet was disabled (state E0); enabled it again");
            } else {
                reportOnce("the outlet is disabled (state E0)");
            }
        }
    }

    private EvseSnapshot decode(AblReading reading, Instant now) {
        int code = reading.stateCode();
        if (!AblState.known(code)) {
            reportOnce("unknown state " + AblState.describe(code) + ", taken as a fault");
        } else if (code >> 4 >= 0xE) {
            reportOnce("state " + AblState.describe(code));
        }
        EvseState state = AblState.evseState(code, applied.currentMilliamps() > 0);
        PhaseCurrents currents = currents(reading, state);
        double watts = reading.powerWatts().isPresent()
                && reading.powerWatts().getAsDouble() <= 2 * settings.maxCurrentMilliamps() / 1000.0 * NOMINAL_VOLTS
                        * 3 ? reading.powerWatts().getAsDouble()
                                : (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps())
                                        * NOMINAL_VOLTS / 1000;
        reading.energyWattHours().ifPresent(energy::update);
        int phasesInUse = 0;
        if (state == EvseState.CHARGING) {
            for (int phase = 1; phase <= 3; phase++) {
                if (currents.get(phase) >= PHASE_IN_USE_MILLIAMPS) {
                    phasesInUse++;
                }
            }
        }
        return new EvseSnapshot(settings.evseId(), now, state, phasesInUse, currents, watts, energy.wattHours(), null,
                applied, now);
    }

    /**
     * Measured currents; without a sensor, or with values beyond any wallbox, the limit the box applies on each
     * wired phase while it charges — never less than the car may draw, so the house load is not underestimated.
     */
    private PhaseCurrents currents(AblReading reading, EvseState state) {
        PhaseCurrents measured = reading.currents();
        int plausible = 2 * settings.maxCurrentMilliamps();
        if (measured != null && measured.l1Milliamps() <= plausible && measured.l2Milliamps() <= plausible
                && measured.l3Milliamps() <= plausible) {
            return settings.phases() == 1 ? new PhaseCurrents(measured.l1Milliamps(), 0, 0) : measured;
        }
        if (measured != null) {
            reportOnce("implausible current values, taking the limit instead");
        }
        if (state != EvseState.CHARGING) {
            return PhaseCurrents.ZERO;
        }
        int limit = Math.min(reading.appliedMilliamps(), settings.maxCurrentMilliamps());
        return settings.phases() == 1 ? new PhaseCurrents(limit, 0, 0) : new PhaseCurrents(limit, limit, limit);
    }

    private void comeOnline() {
        if (availability.answered()) {
            LOG.info("ABL wallbox {} at {} answers again", settings.evseId(), settings.endpoint());
        }
    }

    private void goOffline(String problem) {
        if (availability.failed(problem)) {
            LOG.warn("ABL wallbox {} at {} unit {} is offline: {}", settings.evseId(), settings.endpoint(),
                    settings.unitId(), problem);
        } else {
            LOG.debug("ABL wallbox {} still offline: {}", settings.evseId(), problem);
        }
        identifiedOnConnection = -1;
        EvseSnapshot last = snapshot;
        if (last.state() != EvseState.OFFLINE) {
            snapshot = new EvseSnapshot(last.evseId(), last.measuredAt(), EvseState.OFFLINE, last.phasesInUse(),
                    last.currents(), last.powerWatts(), last.energyWattHours(), last.idTag(), last.appliedLimit(),
                    last.seenAt());
        }
    }

    private void reportOnce(String problem) {
        if (availability.firstReport(problem)) {
            LOG.warn("ABL wallbox {} at {} unit {}: {}", settings.evseId(), settings.endpoint(), settings.unitId(),
                    problem);
        }
    }

    synchronized boolean online() {
        return availability.online();
    }
}
