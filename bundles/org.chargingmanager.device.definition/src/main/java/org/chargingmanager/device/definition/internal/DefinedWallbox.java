package org.chargingmanager.device.definition.internal;

import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.CURRENT_L1;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.CURRENT_L2;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.CURRENT_L3;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.ENERGY;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.POWER;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.STATE;

import java.time.Clock;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.EnergyRegister;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseCapabilities;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wallbox from a definition file. Writes the current (and the pause register or path, where the definition has
 * one) when it changes, again after a reconnect, and every {@code rewriteSeconds} where the definition asks for it;
 * reads state, currents, power and energy. A state value the definition does not list is a fault, logged once.
 */
final class DefinedWallbox implements Evse {

    static final String DRIVER = "definition";

    private static final Logger LOG = LoggerFactory.getLogger(DefinedWallbox.class);
    private static final int PHASE_IN_USE_MILLIAMPS = 1000;
    private static final double NOMINAL_VOLTS = 230;

    private final DeviceDefinition definition;
    private final DeviceAccess access;
    private final Clock clock;
    private final Executor urgent;
    private final EvseInfo info;
    private final EnergyRegister energy = new EnergyRegister();
    private volatile EvseSnapshot snapshot;
    private volatile ChargingLimit wanted = ChargingLimit.NOT_ALLOCATED;

    private Integer writtenMilliamps;
    private Instant writtenAt = Instant.MIN;
    private ChargingLimit applied = ChargingLimit.NOT_ALLOCATED;
    private boolean online;
    private String lastProblem;
    private Long unknownStateReported;

    DefinedWallbox(String id, String name, int phases, PhaseRotation rotation, int minMilliamps, int maxMilliamps,
            DeviceDefinition definition, DeviceAccess access, Clock clock, Executor urgent) {
        this.definition = definition;
        this.access = access;
        this.clock = clock;
        this.urgent = urgent;
        this.info = new EvseInfo(id, name, DRIVER, access.address(), 1, phases, rotation, minMilliamps, maxMilliamps,
                new DeviceIdentity("", definition.name(), "", ""),
                new EvseCapabilities(false, definition.resolutionMilliamps(), false, false, false));
        this.snapshot = new EvseSnapshot(id, null, EvseState.OFFLINE, 0, PhaseCurrents.ZERO, 0, 0, null,
                ChargingLimit.NOT_ALLOCATED, null);
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

    int deviceMilliamps(ChargingLimit limit) {
        int resolution = definition.resolutionMilliamps();
        int milliamps = Math.min(limit.currentMilliamps(), info.maxCurrentMilliamps()) / resolution * resolution;
        return milliamps < info.minCurrentMilliamps() ? 0 : milliamps;
    }

    synchronized void pollOnce() {
        try {
            if (access.reconnected()) {
                writtenMilliamps = null;
            }
            write();
            DeviceAccess.Values values = access.read();
            access.polled();
            snapshot = decode(values);
            if (!online && lastProblem != null) {
                LOG.info("Wallbox {} ({}) at {} answers again", info.id(), definition.name(), access.address());
            }
            online = true;
            lastProblem = null;
        } catch (DeviceAccess.AccessException e) {
            offline(e.getMessage());
        }
    }

    synchronized void writeWanted() {
        if (!online) {
            return;
        }
        try {
            write();
        } catch (DeviceAccess.AccessException e) {
            offline(e.getMessage());
        }
    }

    private void write() throws DeviceAccess.AccessException {
        ChargingLimit limit = wanted;
        int milliamps = deviceMilliamps(limit);
        Instant now = clock.instant();
        boolean due = definition.rewriteSeconds() > 0
                && !now.isBefore(writtenAt.plusSeconds(definition.rewriteSeconds()));
        if (writtenMilliamps == null || writtenMilliamps != milliamps || due) {
            if (milliamps == 0 && access.canPause()) {
                access.writeEnable(false);
            } else {
                access.writeCurrent(milliamps / 1000.0);
                if (milliamps > 0) {
                    access.writeEnable(true);
                }
            }
            writtenMilliamps = milliamps;
            writtenAt = now;
        }
        applied = new ChargingLimit(milliamps, limit.reason(), limit.detail());
    }

    private EvseSnapshot decode(DeviceAccess.Values values) {
        Instant now = clock.instant();
        OptionalDouble raw = values.get(STATE);
        EvseState state;
        if (raw.isEmpty() || !definition.states().containsKey(Math.round(raw.getAsDouble()))) {
            long value = raw.isEmpty() ? Long.MIN_VALUE : Math.round(raw.getAsDouble());
            if (unknownStateReported == null || unknownStateReported != value) {
                LOG.warn("Wallbox {} ({}): state {} is not in the definition's states, taken as a fault", info.id(),
                        definition.name(), raw.isEmpty() ? "not available" : value);
                unknownStateReported = value;
            }
            state = EvseState.FAULTED;
        } else {
            state = definition.states().get(Math.round(raw.getAsDouble()));
            if (state == EvseState.SUSPENDED_EV && applied.currentMilliamps() == 0) {
                state = EvseState.SUSPENDED_EVSE;
            }
        }
        PhaseCurrents currents = new PhaseCurrents(milliamps(values, CURRENT_L1, state),
                info.phases() == 1 ? 0 : milliamps(values, CURRENT_L2, state),
                info.phases() == 1 ? 0 : milliamps(values, CURRENT_L3, state));
        OptionalDouble power = values.get(POWER);
        double watts = power.isPresent() && power.getAsDouble() >= 0
                && power.getAsDouble() <= 2 * info.maxCurrentMilliamps() / 1000.0 * NOMINAL_VOLTS * 3
                        ? power.getAsDouble()
                        : (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * NOMINAL_VOLTS
                                / 1000;
        values.get(ENERGY).ifPresent(energy::update);
        int phasesInUse = 0;
        if (state == EvseState.CHARGING) {
            for (int phase = 1; phase <= 3; phase++) {
                if (currents.get(phase) >= PHASE_IN_USE_MILLIAMPS) {
                    phasesInUse++;
                }
            }
        }
        return new EvseSnapshot(info.id(), now, state, phasesInUse, currents, watts, energy.wattHours(), null,
                applied, now);
    }

    /** Missing, negative or more than twice the maximum: while charging the limit is taken, never 0. */
    private int milliamps(DeviceAccess.Values values, Quantity quantity, EvseState state) {
        OptionalDouble amps = values.get(quantity);
        if (amps.isPresent() && amps.getAsDouble() >= 0 && amps.getAsDouble() * 1000 <= 2 * info.maxCurrentMilliamps()) {
            return (int) Math.round(amps.getAsDouble() * 1000);
        }
        return state == EvseState.CHARGING ? applied.currentMilliamps() : 0;
    }

    private void offline(String problem) {
        if (online || lastProblem == null) {
            LOG.warn("Wallbox {} ({}) at {} is offline: {}", info.id(), definition.name(), access.address(), problem);
        } else {
            LOG.debug("Wallbox {} still offline: {}", info.id(), problem);
        }
        online = false;
        lastProblem = problem;
        writtenMilliamps = null;
        EvseSnapshot last = snapshot;
        if (last.state() != EvseState.OFFLINE) {
            snapshot = new EvseSnapshot(last.evseId(), last.measuredAt(), EvseState.OFFLINE, last.phasesInUse(),
                    last.currents(), last.powerWatts(), last.energyWattHours(), last.idTag(), last.appliedLimit(),
                    last.seenAt());
        }
    }

    synchronized boolean online() {
        return online;
    }
}
