package org.chargingmanager.wallbox.alfen.internal;

import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.APPLIED_MAX_CURRENT;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.AVAILABILITY;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.CURRENT_L1;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.CURRENT_L2;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.CURRENT_L3;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.ENERGY;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.FIRMWARE;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.MAX_CURRENT;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.MODE3_STATE;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.NAME;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.PHASES;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.POWER;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.REMAINING_VALID_TIME;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.SAFE_CURRENT;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.SERIAL;
import static org.chargingmanager.wallbox.alfen.internal.AlfenRegisters.SOCKETS;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
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
import org.chargingmanager.modbus.protocol.ModbusDevice;
import org.chargingmanager.modbus.protocol.RegisterValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One socket of an Alfen Eve. The max current register lives in RAM for the box's validity time only: the driver
 * writes it when the wanted value changes and again every {@link AlfenSettings#refreshInterval()} (25 s of 60 s), so
 * it never lapses while the charging manager runs; if the charging manager stops, the box falls back to its safe
 * current by itself. A reduction is written at once through {@code urgent}. Outside OSGi so tests drive it with a
 * clock and the test kit's simulator.
 */
final class AlfenCharger implements Evse {

    static final String DRIVER = "alfen";

    private static final Logger LOG = LoggerFactory.getLogger(AlfenCharger.class);
    private static final int RESOLUTION_MILLIAMPS = 100;
    private static final int PHASE_IN_USE_MILLIAMPS = 1000;
    private static final double NOMINAL_VOLTS = 230;
    private static final java.time.Duration LAPSE_GRACE = java.time.Duration.ofSeconds(5);

    private final AlfenSettings settings;
    private final ModbusLine line;
    private final ModbusDevice station;
    private final ModbusDevice socket;
    private final Clock clock;
    private final Executor urgent;
    private final EnergyRegister energy = new EnergyRegister();

    private volatile EvseInfo info;
    private volatile EvseSnapshot snapshot;
    private volatile ChargingLimit wanted = ChargingLimit.NOT_ALLOCATED;

    private long identifiedOnConnection = -1;
    private Integer writtenMilliamps;
    private Instant writtenAt = Instant.MIN;
    private ChargingLimit applied = ChargingLimit.NOT_ALLOCATED;
    private boolean lapseReported;
    private final Availability availability = new Availability();

    AlfenCharger(AlfenSettings settings, ModbusLine line, Clock clock, Executor urgent) {
        this.settings = settings;
        this.line = line;
        this.clock = clock;
        this.urgent = urgent;
        this.station = new ModbusDevice(line, AlfenRegisters.STATION_UNIT, AlfenRegisters.STATION, settings.timeout(),
                clock);
        this.socket = new ModbusDevice(line, settings.unitId(), AlfenRegisters.SOCKET, settings.timeout(), clock);
        this.info = info(DeviceIdentity.UNKNOWN);
        this.snapshot = new EvseSnapshot(settings.evseId(), null, EvseState.OFFLINE, 0, PhaseCurrents.ZERO, 0, 0, null,
                ChargingLimit.NOT_ALLOCATED, null);
    }

    private EvseInfo info(DeviceIdentity identity) {
        return new EvseInfo(settings.evseId(), settings.name(), DRIVER, settings.endpoint() + " socket "
                + settings.unitId(), settings.unitId(), settings.phases(), settings.phaseRotation(),
                settings.minCurrentMilliamps(), settings.maxCurrentMilliamps(), identity,
                new EvseCapabilities(settings.phaseSwitching() && settings.phases() == 3, RESOLUTION_MILLIAMPS, false,
                        false, false));
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
            urgent.execute(this::writeWanted);
        }
    }

    /** At most the maximum, down to 0.1 A, 0 (the socket stops) below the minimum. */
    int deviceMilliamps(ChargingLimit limit) {
        int milliamps = Math.min(limit.currentMilliamps(), settings.maxCurrentMilliamps());
        milliamps = milliamps / RESOLUTION_MILLIAMPS * RESOLUTION_MILLIAMPS;
        return milliamps < settings.minCurrentMilliamps() ? 0 : milliamps;
    }

    /** One cycle: identify on a new connection, write the limit where due, read the socket. */
    synchronized void pollOnce() {
        try {
            if (identifiedOnConnection != line.connectionCount() || identifiedOnConnection < 0) {
                identify();
            }
            writeWanted();
            RegisterValues values = socket.read();
            noticeLapse(values);
            snapshot = decode(values);
            comeOnline();
        } catch (ModbusException e) {
            goOffline(e.getMessage());
        }
    }

    private void identify() throws ModbusException {
        RegisterValues identity = station.read(List.of(NAME, FIRMWARE, SERIAL, SOCKETS));
        long sockets = identity.raw(SOCKETS).orElse(1);
        if (settings.unitId() > sockets) {
            reportOnce("the station has " + sockets + " socket(s), socket " + settings.unitId() + " is configured");
        }
        DeviceIdentity deviceIdentity = new DeviceIdentity("Alfen", printable(identity.text(NAME)),
                printable(identity.text(SERIAL)), printable(identity.text(FIRMWARE)));
        if (!deviceIdentity.equals(info.identity())) {
            LOG.info("Alfen wallbox {} at {} socket {}: {}, serial {}, firmware {}", settings.evseId(),
                    settings.endpoint(), settings.unitId(), deviceIdentity.model(), deviceIdentity.serialNumber(),
                    deviceIdentity.firmwareVersion());
            info = info(deviceIdentity);
        }
        socket.forgetWrittenValues();
        writtenMilliamps = null;
        identifiedOnConnection = line.connectionCount();
    }

    /** Writes the max current when it changed or its refresh is due, the phases when they changed. */
    synchronized void writeWanted() {
        if (identifiedOnConnection < 0) {
            return;
        }
        ChargingLimit limit = wanted;
        int milliamps = deviceMilliamps(limit);
        Instant now = clock.instant();
        int phases = applied.phases();
        try {
            if (limit.phases() != 0 && info.capabilities().phaseSwitching()) {
                socket.write(PHASES, limit.phases());
                phases = limit.phases();
            }
            if (writtenMilliamps == null || writtenMilliamps != milliamps
                    || !now.isBefore(writtenAt.plus(settings.refreshInterval()))) {
                socket.write(MAX_CURRENT, milliamps / 1000.0);
                writtenMilliamps = milliamps;
                writtenAt = now;
            }
            applied = new ChargingLimit(milliamps, limit.reason(), limit.detail(), phases);
        } catch (ModbusException e) {
            if (e.kind() == ModbusException.Kind.EXCEPTION_RESPONSE) {
                // the box answers but does not take the value: no licence, or the data source is not the EMS
                reportOnce("the box refuses the max current (" + e.getMessage() + "): is the Active Load Balancing "
                        + "licence installed and the data source set to Energy Management System?");
                writtenMilliamps = milliamps;
                writtenAt = now;
            } else {
                goOffline("writing the max current failed: " + e.getMessage());
            }
        }
    }

    /** The validity ran out although the driver runs (it was offline, or the box restarted): write again now. */
    private void noticeLapse(RegisterValues values) {
        long remaining = values.raw(REMAINING_VALID_TIME).orElse(-1);
        // a box may update the counter a moment after the write: only a write some seconds old can have lapsed
        if (remaining == 0 && writtenMilliamps != null
                && !values.readAt().isBefore(writtenAt.plus(LAPSE_GRACE))) {
            if (!lapseReported) {
                LOG.warn("Alfen wallbox {}: the max current's validity has run out, the socket uses its safe current "
                        + "of {} A; writing it again", settings.evseId(), values.number(SAFE_CURRENT).orElse(0));
                lapseReported = true;
            }
            writtenMilliamps = null;
            urgent.execute(this::writeWanted);
        } else if (remaining > 0) {
            lapseReported = false;
        }
    }

    private EvseSnapshot decode(RegisterValues values) {
        Instant now = values.readAt();
        String mode3 = printable(values.text(MODE3_STATE));
        boolean available = values.raw(AVAILABILITY).orElse(1) == 1;
        EvseState state = AlfenState.of(mode3, available);
        if (!AlfenState.known(mode3)) {
            reportOnce("unknown Mode 3 state \"" + mode3 + "\", taken as a fault");
        }
        PhaseCurrents currents = new PhaseCurrents(milliamps(values.number(CURRENT_L1), state),
                settings.phases() == 1 ? 0 : milliamps(values.number(CURRENT_L2), state),
                settings.phases() == 1 ? 0 : milliamps(values.number(CURRENT_L3), state));
        OptionalDouble power = values.number(POWER);
        double watts = power.isPresent() && power.getAsDouble() >= 0
                && power.getAsDouble() <= 2 * settings.maxCurrentMilliamps() / 1000.0 * NOMINAL_VOLTS * 3
                        ? power.getAsDouble()
                        : (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * NOMINAL_VOLTS
                                / 1000;
        OptionalDouble rawEnergy = values.number(ENERGY);
        if (rawEnergy.isPresent()) {
            switch (energy.update(rawEnergy.getAsDouble())) {
                case HELD_AT_ZERO -> LOG.debug("Alfen wallbox {}: energy reads 0, holding {} Wh", settings.evseId(),
                        energy.wattHours());
                case COUNTER_RESET -> LOG.warn("Alfen wallbox {}: energy went back to {} Wh, counting on from {} Wh",
                        settings.evseId(), rawEnergy.getAsDouble(), energy.wattHours());
                default -> {
                }
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
        ChargingLimit limit = applied;
        OptionalDouble boxApplied = values.number(APPLIED_MAX_CURRENT);
        if (boxApplied.isPresent() && boxApplied.getAsDouble() * 1000 < limit.currentMilliamps()) {
            // the box works with less than was written (its own limits, or the safe current): that is what applies
            limit = new ChargingLimit((int) Math.round(boxApplied.getAsDouble() * 1000), limit.reason(),
                    limit.detail(), limit.phases());
        }
        return new EvseSnapshot(settings.evseId(), now, state, phasesInUse, currents, watts, energy.wattHours(), null,
                limit, now);
    }

    /** NaN, negative or more than twice the maximum is garbage: while charging the limit is taken, never 0. */
    private int milliamps(OptionalDouble amps, EvseState state) {
        if (amps.isPresent() && amps.getAsDouble() >= 0 && amps.getAsDouble() * 1000 <= 2 * settings.maxCurrentMilliamps()) {
            return (int) Math.round(amps.getAsDouble() * 1000);
        }
        reportOnce("implausible current register (" + (amps.isPresent() ? amps.getAsDouble() + " A" : "NaN")
                + "), taking the limit instead");
        return state == EvseState.CHARGING ? applied.currentMilliamps() : 0;
    }

    private static String printable(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                result.append(c);
            }
        }
        return result.toString().strip();
    }

    private void comeOnline() {
        if (availability.answered()) {
            LOG.info("Alfen wallbox {} at {} socket {} answers again", settings.evseId(), settings.endpoint(),
                    settings.unitId());
        }
    }

    private void goOffline(String problem) {
        if (availability.failed(problem)) {
            LOG.warn("Alfen wallbox {} at {} socket {} is offline: {}", settings.evseId(), settings.endpoint(),
                    settings.unitId(), problem);
        } else {
            LOG.debug("Alfen wallbox {} still offline: {}", settings.evseId(), problem);
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
            LOG.warn("Alfen wallbox {} at {} socket {}: {}", settings.evseId(), settings.endpoint(), settings.unitId(),
                    problem);
        } else {
            LOG.debug("Alfen wallbox {}: {}", settings.evseId(), problem);
        }
    }

    synchronized boolean online() {
        return availability.online();
    }
}
