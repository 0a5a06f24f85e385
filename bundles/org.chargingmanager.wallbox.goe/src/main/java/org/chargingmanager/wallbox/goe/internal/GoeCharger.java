package org.chargingmanager.wallbox.goe.internal;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One go-e Charger: reads its status in {@link #pollOnce()} and writes what differs from the wanted limit. A value
 * is written when the wanted value changes; when the box reports another value than was written (it restarted, or
 * someone changed it in the app) it is written again, at most every {@link #REWRITE_INTERVAL}, so nothing is ever
 * written in a loop. {@link #applyLimit} hands a reduction to {@code urgent} at once. Outside OSGi so tests drive it
 * with a clock and a simulator.
 */
final class GoeCharger implements Evse {

    static final String DRIVER = "goe";
    static final Duration REWRITE_INTERVAL = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(GoeCharger.class);
    private static final int RESOLUTION_MILLIAMPS = 1000;
    private static final int PHASE_IN_USE_MILLIAMPS = 1000;
    private static final double NOMINAL_VOLTS = 230;

    private final GoeSettings settings;
    private final GoeHttp http;
    private final Clock clock;
    private final Executor urgent;
    private final EnergyRegister energy = new EnergyRegister();

    private volatile EvseInfo info;
    private volatile EvseSnapshot snapshot;
    private volatile ChargingLimit wanted = ChargingLimit.NOT_ALLOCATED;

    private GoeApi api;
    private Integer writtenAmps;
    private Boolean writtenAllowed;
    private Integer writtenPhaseMode;
    private Instant lastRewriteAt = Instant.MIN;
    private ChargingLimit applied = ChargingLimit.NOT_ALLOCATED;
    private final Availability availability = new Availability();

    GoeCharger(GoeSettings settings, GoeHttp http, Clock clock, Executor urgent) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
        this.urgent = urgent;
        this.info = info(DeviceIdentity.UNKNOWN, false);
        this.snapshot = new EvseSnapshot(settings.evseId(), null, EvseState.OFFLINE, 0, PhaseCurrents.ZERO, 0, 0, null,
                ChargingLimit.NOT_ALLOCATED, null);
    }

    private EvseInfo info(DeviceIdentity identity, boolean phaseSwitching) {
        return new EvseInfo(settings.evseId(), settings.name(), DRIVER, settings.baseUri().toString(), 1,
                settings.phases(), settings.phaseRotation(), settings.minCurrentMilliamps(),
                settings.maxCurrentMilliamps(), identity,
                new EvseCapabilities(phaseSwitching, RESOLUTION_MILLIAMPS, true, false, false));
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
        boolean phaseChange = limit.phases() != 0 && limit.phases() != before.phases();
        if (deviceMilliamps(limit) < deviceMilliamps(before) || phaseChange) {
            urgent.execute(this::pollOnce);
        }
    }

    /** The current the box is to be set to: at most its maximum, whole amperes down, 0 below the minimum. */
    int deviceMilliamps(ChargingLimit limit) {
        int milliamps = Math.min(limit.currentMilliamps(), settings.maxCurrentMilliamps());
        milliamps = milliamps / RESOLUTION_MILLIAMPS * RESOLUTION_MILLIAMPS;
        return milliamps < settings.minCurrentMilliamps() ? 0 : milliamps;
    }

    /** One cycle: read the status (finding the API first), write what differs, publish the snapshot. */
    synchronized void pollOnce() {
        try {
            GoeStatus status = readStatus();
            identify(status);
            comeOnline();
            write(status);
            snapshot = decode(status, clock.instant());
        } catch (GoeException e) {
            goOffline(e.getMessage());
        }
    }

    private GoeStatus readStatus() throws GoeException {
        if (api != null) {
            return api.status();
        }
        GoeApi chosen = switch (settings.apiVersion()) {
            case V1 -> new GoeApiV1(http);
            case V2, AUTO -> new GoeApiV2(http);
        };
        GoeStatus status;
        try {
            status = chosen.status();
        } catch (GoeException e) {
            if (!e.notFound() || settings.apiVersion() != GoeApiVersion.AUTO) {
                throw e;
            }
            chosen = new GoeApiV1(http);
            status = chosen.status();
        }
        api = chosen;
        LOG.info("go-e wallbox {} at {} answers on API {}", settings.evseId(), settings.baseUri(),
                chosen.version() == GoeApiVersion.V2 ? "v2" : "v1");
        return status;
    }

    private void identify(GoeStatus status) {
        boolean phaseSwitching = api.version() == GoeApiVersion.V2 && status.phaseMode() >= 0
                && settings.phases() == 3;
        DeviceIdentity identity = new DeviceIdentity("go-e", "go-e Charger (API " + api.version() + ")",
                status.serial(), status.firmware());
        if (!identity.equals(info.identity())) {
            LOG.info("go-e wallbox {} at {}: serial {}, firmware {}", settings.evseId(), settings.baseUri(),
                    status.serial(), status.firmware());
        }
        if (!identity.equals(info.identity()) || phaseSwitching != info.capabilities().phaseSwitching()) {
            info = info(identity, phaseSwitching);
        }
    }

    private void write(GoeStatus status) throws GoeException {
        ChargingLimit limit = wanted;
        int milliamps = deviceMilliamps(limit);
        Instant now = clock.instant();
        boolean rewriteAllowed = !now.isBefore(lastRewriteAt.plus(REWRITE_INTERVAL));
        int phases = applied.phases();
        if (limit.phases() != 0 && info.capabilities().phaseSwitching()) {
            int mode = limit.phases() == 1 ? 1 : 2;
            if (needs(writtenPhaseMode, mode, status.phaseMode(), rewriteAllowed, "psm")) {
                writtenPhaseMode = mode;
                refusable(() -> api.setPhaseMode(mode));
            }
            phases = limit.phases();
        }
        boolean allowedByUs = api.version() == GoeApiVersion.V2 ? status.force() != 1 : status.allowed();
        if (milliamps == 0) {
            if (needs(writtenAllowed, false, allowedByUs, rewriteAllowed, "pause")) {
                writtenAllowed = false;
                refusable(() -> api.setAllowed(false));
            }
        } else {
            int amps = milliamps / 1000;
            if (needs(writtenAmps, amps, status.ampsSet(), rewriteAllowed, "amp")) {
                writtenAmps = amps;
                refusable(() -> api.setAmps(amps));
            }
            if (needs(writtenAllowed, true, allowedByUs, rewriteAllowed, "pause")) {
                writtenAllowed = true;
                refusable(() -> api.setAllowed(true));
            }
        }
        applied = new ChargingLimit(milliamps, limit.reason(), limit.detail(), phases);
    }

    private interface Write {
        void run() throws GoeException;
    }

    /**
     * A write the box refuses is logged once and counts as written, so it is tried again only as a rewrite; the box
     * stays online. A box that does not answer is offline.
     */
    private void refusable(Write write) throws GoeException {
        try {
            write.run();
        } catch (GoeException e) {
            if (!e.refused()) {
                throw e;
            }
            reportOnce(e.getMessage());
        }
    }

    /**
     * Whether a value is to be written: when it was never written or another was, or when the box reports another
     * value than was written and the last such rewrite is {@link #REWRITE_INTERVAL} ago.
     */
    private <T> boolean needs(T written, T target, T reported, boolean rewriteAllowed, String what) {
        if (written == null || !written.equals(target)) {
            return true;
        }
        if (reported.equals(target)) {
            return false;
        }
        if (!rewriteAllowed) {
            return false;
        }
        reportOnce("the box reports " + what + " " + reported + " instead of " + target
                + " (restarted, or changed in the app); writing it again");
        lastRewriteAt = clock.instant();
        return true;
    }

    private EvseSnapshot decode(GoeStatus status, Instant now) {
        boolean paused = applied.currentMilliamps() == 0;
        EvseState state = switch (status.car()) {
            case 1 -> EvseState.AVAILABLE;
            case 2 -> EvseState.CHARGING;
            case 3, 4 -> paused || !status.allowed() ? EvseState.SUSPENDED_EVSE : EvseState.SUSPENDED_EV;
            case 5 -> EvseState.FAULTED;
            default -> {
                reportOnce("car state " + status.car() + " is unknown, taken as unavailable");
                yield EvseState.UNAVAILABLE;
            }
        };
        PhaseCurrents measured = status.currents();
        PhaseCurrents currents = new PhaseCurrents(milliamps(measured.l1Milliamps(), state),
                settings.phases() == 1 ? 0 : milliamps(measured.l2Milliamps(), state),
                settings.phases() == 1 ? 0 : milliamps(measured.l3Milliamps(), state));
        double watts = status.powerWatts();
        if (watts < 0 || watts > 2 * settings.maxCurrentMilliamps() / 1000.0 * NOMINAL_VOLTS * 3) {
            reportOnce("implausible power " + watts + " W, taken from the currents");
            watts = (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * NOMINAL_VOLTS / 1000;
        }
        switch (energy.update(status.energyWattHours())) {
            case HELD_AT_ZERO -> LOG.debug("go-e wallbox {}: energy reads 0, holding {} Wh", settings.evseId(),
                    energy.wattHours());
            case COUNTER_RESET -> LOG.warn("go-e wallbox {}: energy went back to {} Wh, counting on from {} Wh",
                    settings.evseId(), status.energyWattHours(), energy.wattHours());
            default -> {
            }
        }
        int phasesInUse = 0;
        if (state == EvseState.CHARGING) {
            for (int phase = 1; phase <= 3; phase++) {
                if (currents.get(phase) >= PHASE_IN_USE_MILLIAMPS) {
                    phasesInUse++;
                }
            }
        }
        String tag = state.vehicleConnected() && status.card() >= 0 ? "goe-card-" + status.card() : null;
        return new EvseSnapshot(settings.evseId(), now, state, phasesInUse, currents, watts, energy.wattHours(), tag,
                applied, now);
    }

    /** A measured current; negative or more than twice the maximum is garbage: while charging, the limit is taken. */
    private int milliamps(int measured, EvseState state) {
        if (measured >= 0 && measured <= 2 * settings.maxCurrentMilliamps()) {
            return measured;
        }
        reportOnce("implausible current " + measured + " mA, taking the limit instead");
        return state == EvseState.CHARGING ? applied.currentMilliamps() : 0;
    }

    private void comeOnline() {
        if (availability.answered()) {
            LOG.info("go-e wallbox {} at {} answers again", settings.evseId(), settings.baseUri());
        }
    }

    private void goOffline(String problem) {
        if (availability.failed(problem)) {
            LOG.warn("go-e wallbox {} at {} is offline: {}", settings.evseId(), settings.baseUri(), problem);
        } else {
            LOG.debug("go-e wallbox {} still offline: {}", settings.evseId(), problem);
        }
        // it may come back restarted or with another firmware: find the API again, write everything again
        if (settings.apiVersion() == GoeApiVersion.AUTO) {
            api = null;
        }
        writtenAmps = null;
        writtenAllowed = null;
        writtenPhaseMode = null;
        EvseSnapshot last = snapshot;
        if (last.state() != EvseState.OFFLINE) {
            snapshot = new EvseSnapshot(last.evseId(), last.measuredAt(), EvseState.OFFLINE, last.phasesInUse(),
                    last.currents(), last.powerWatts(), last.energyWattHours(), last.idTag(), last.appliedLimit(),
                    last.seenAt());
        }
    }

    private void reportOnce(String problem) {
        if (availability.firstReport(problem)) {
            LOG.warn("go-e wallbox {} at {}: {}", settings.evseId(), settings.baseUri(), problem);
        } else {
            LOG.debug("go-e wallbox {}: {}", settings.evseId(), problem);
        }
    }

    synchronized boolean online() {
        return availability.online();
    }

    /** The API in use; null before the box answered. */
    synchronized GoeApiVersion apiVersion() {
        return api == null ? null : api.version();
    }
}
