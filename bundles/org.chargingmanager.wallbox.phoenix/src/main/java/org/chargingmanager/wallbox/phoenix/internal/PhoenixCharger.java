package org.chargingmanager.wallbox.phoenix.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
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
 * One wallbox with a Phoenix Contact EV Charge Control. Writes the current limit (whole amperes) and the enable
 * coil when they change (the controller keeps them until it restarts; after a reconnect, or when the coil reads
 * otherwise than written, they are written again), reads the values of its variant's register map. Outside OSGi so
 * tests drive it with a clock and the test kit's simulator.
 */
final class PhoenixCharger implements Evse {

    static final String DRIVER = "phoenix";

    private static final Logger LOG = LoggerFactory.getLogger(PhoenixCharger.class);
    private static final int RESOLUTION_MILLIAMPS = 1000;
    private static final int PHASE_IN_USE_MILLIAMPS = 1000;
    private static final double NOMINAL_VOLTS = 230;

    private final PhoenixSettings settings;
    private final PhoenixVariant variant;
    private final ModbusLine line;
    private final ModbusDevice device;
    private final Executor urgent;
    private final EnergyRegister energy = new EnergyRegister();
    private volatile EvseInfo info;

    private volatile EvseSnapshot snapshot;
    private volatile ChargingLimit wanted = ChargingLimit.NOT_ALLOCATED;

    private long connection = -1;
    private Boolean writtenEnable;
    private Integer writtenAmps;
    private boolean cardReaderOn;
    private ChargingLimit applied = ChargingLimit.NOT_ALLOCATED;
    private final Availability availability = new Availability();

    PhoenixCharger(PhoenixSettings settings, ModbusLine line, Clock clock, Executor urgent) {
        this.settings = settings;
        this.variant = settings.variant();
        this.line = line;
        this.urgent = urgent;
        this.device = new ModbusDevice(line, settings.unitId(), variant.protocol(), settings.timeout(), clock);
        this.info = info(new DeviceIdentity("Phoenix Contact", variant.displayName(), "", ""), false);
        this.snapshot = new EvseSnapshot(settings.evseId(), null, EvseState.OFFLINE, 0, PhaseCurrents.ZERO, 0, 0, null,
                ChargingLimit.NOT_ALLOCATED, null);
    }

    private EvseInfo info(DeviceIdentity identity, boolean reportsIdTag) {
        return new EvseInfo(settings.evseId(), settings.name(), DRIVER, settings.endpoint() + " unit "
                + settings.unitId(), 1, settings.phases(), settings.phaseRotation(), settings.minCurrentMilliamps(),
                settings.maxCurrentMilliamps(), identity,
                new EvseCapabilities(false, RESOLUTION_MILLIAMPS, reportsIdTag, false, false));
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
        int milliamps = Math.min(limit.currentMilliamps(), settings.maxCurrentMilliamps());
        milliamps = milliamps / RESOLUTION_MILLIAMPS * RESOLUTION_MILLIAMPS;
        return milliamps < settings.minCurrentMilliamps() ? 0 : milliamps;
    }

    synchronized void pollOnce() {
        try {
            if (connection != line.connectionCount()) {
                // a new connection: the controller may have restarted, write everything again
                device.forgetWrittenValues();
                writtenEnable = null;
                writtenAmps = null;
                checkCardReader();
                identify();
            }
            write();
            RegisterValues values = device.read();
            connection = line.connectionCount();
            noticeLostValues(values);
            String card = cardReaderOn ? printable(device.read(List.of(variant.cardUid())).text(variant.cardUid()))
                    : null;
            snapshot = decode(values, card);
            comeOnline();
        } catch (ModbusException e) {
            goOffline(e.getMessage());
        }
    }

    /** Whether the EV-ETH's card reader is on (coil 419): then the card's UID is the session's tag. */
    private void checkCardReader() throws ModbusException {
        boolean on = variant.cardReader()
                && device.read(List.of(variant.cardReaderEnabled())).bit(variant.cardReaderEnabled());
        if (on != cardReaderOn || info.capabilities().reportsIdTag() != on) {
            cardReaderOn = on;
            info = info(info.identity(), on);
        }
    }

    /** The EV-CC-AC1-M tells its order designation, serial number and firmware (the ETH controllers: nothing read). */
    private void identify() throws ModbusException {
        if (variant.designation() == null) {
            return;
        }
        int first = variant.firmware().address();
        RegisterValues values = device.read(List.of(variant.designation(), variant.serialNumber(), variant.firmware()));
        int[] version = line.readRegisters(settings.unitId(), org.chargingmanager.modbus.ModbusTable.INPUT_REGISTERS,
                first + 1, 2, settings.timeout());
        long letterAndMajor = values.raw(variant.firmware()).orElse(0);
        char letter = (char) (letterAndMajor >> 8 & 0xFF);
        String firmware = (letter >= 0x20 && letter < 0x7F ? String.valueOf(letter) : "") + (letterAndMajor & 0xFF)
                + "." + version[0] + "." + version[1];
        String designation = printable(values.text(variant.designation()));
        DeviceIdentity identity = new DeviceIdentity("Phoenix Contact", designation == null ? variant.displayName()
                : designation, Objects.requireNonNullElse(printable(values.text(variant.serialNumber())), ""),
                firmware);
        if (!identity.equals(info.identity())) {
            LOG.info("Phoenix wallbox {} at {} unit {}: {}, serial {}, firmware {}", settings.evseId(),
                    settings.endpoint(), settings.unitId(), identity.model(), identity.serialNumber(), firmware);
            info = info(identity, info.capabilities().reportsIdTag());
        }
    }

    /**
     * The enable coil and the current are volatile: a controller that restarted (on a serial line the connection
     * stays) reads otherwise than written, so both are written again.
     */
    private void noticeLostValues(RegisterValues values) {
        boolean enableLost = writtenEnable != null && values.bit(variant.enable()) != writtenEnable;
        boolean currentLost = Boolean.TRUE.equals(writtenEnable) && writtenAmps != null
                && values.raw(variant.maxCurrent()).orElse(-1) != writtenAmps;
        if (enableLost || currentLost) {
            reportOnce("the controller reports enable " + values.bit(variant.enable()) + " and "
                    + values.raw(variant.maxCurrent()).orElse(-1) + " A instead of " + writtenEnable + " and "
                    + writtenAmps + " A (restarted?); writing again");
            device.forgetWrittenValues();
            writtenEnable = null;
            writtenAmps = null;
        }
    }

    /** A card UID as text: without NULs and padding; null when empty. */
    static String printable(String text) {
        if (text == null) {
            return null;
        }
        String cleaned = text.replace("\0", "").trim();
        return cleaned.isEmpty() ? null : cleaned;
    }

    /** The current first, then the enable coil (off pauses). */
    synchronized void writeWanted() {
        if (connection >= 0) {
            write();
        }
    }

    private void write() {
        ChargingLimit limit = wanted;
        int milliamps = deviceMilliamps(limit);
        try {
            if (milliamps > 0) {
                device.write(variant.maxCurrent(), milliamps / 1000);
                writtenAmps = milliamps / 1000;
                device.write(variant.enable(), true);
            } else {
                device.write(variant.enable(), false);
            }
            writtenEnable = milliamps > 0;
            applied = new ChargingLimit(milliamps, limit.reason(), limit.detail());
        } catch (ModbusException e) {
            goOffline("writing the limit failed: " + e.getMessage());
        }
    }

    private EvseSnapshot decode(RegisterValues values, String card) {
        Instant now = values.readAt();
        char status = variant.statusLetter(values.raw(variant.status()).orElse(0));
        boolean allowed = values.bit(variant.enable()) && applied.currentMilliamps() > 0;
        EvseState state = switch (status) {
            case 'A' -> EvseState.AVAILABLE;
            case 'B' -> allowed ? EvseState.SUSPENDED_EV : EvseState.SUSPENDED_EVSE;
            case 'C', 'D' -> EvseState.CHARGING;
            case 'E', 'F' -> EvseState.FAULTED;
            default -> {
                reportOnce("unknown status " + (status >= 0x20 && status < 0x7F ? "'" + status + "'" : (int) status)
                        + ", taken as a fault");
                yield EvseState.FAULTED;
            }
        };
        if (!variant.metered()) {
            return unmetered(now, state, card);
        }
        PhaseCurrents currents = new PhaseCurrents(milliamps(values.number(variant.amps(1)), state),
                settings.phases() == 1 ? 0 : milliamps(values.number(variant.amps(2)), state),
                settings.phases() == 1 ? 0 : milliamps(values.number(variant.amps(3)), state));
        OptionalDouble power = values.number(variant.power());
        double watts = power.isPresent() && power.getAsDouble() <= 2 * settings.maxCurrentMilliamps() / 1000.0
                * NOMINAL_VOLTS * 3 ? power.getAsDouble()
                        : (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * NOMINAL_VOLTS
                                / 1000;
        values.number(variant.energy()).ifPresent(energy::update);
        int phasesInUse = 0;
        if (state == EvseState.CHARGING) {
            for (int phase = 1; phase <= 3; phase++) {
                if (currents.get(phase) >= PHASE_IN_USE_MILLIAMPS) {
                    phasesInUse++;
                }
            }
        }
        return new EvseSnapshot(settings.evseId(), now, state, phasesInUse, currents, watts, energy.wattHours(),
                state == EvseState.AVAILABLE ? null : card, applied, now);
    }

    /**
     * A controller without a meter: while it charges, the car is taken to draw the limit on every wired phase
     * (never less, so the house load is not underestimated); no energy counter.
     */
    private EvseSnapshot unmetered(Instant now, EvseState state, String card) {
        int limit = state == EvseState.CHARGING ? applied.currentMilliamps() : 0;
        PhaseCurrents currents = settings.phases() == 1 ? new PhaseCurrents(limit, 0, 0)
                : new PhaseCurrents(limit, limit, limit);
        int phasesInUse = limit > 0 ? settings.phases() : 0;
        double watts = (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * NOMINAL_VOLTS
                / 1000;
        return new EvseSnapshot(settings.evseId(), now, state, phasesInUse, currents, watts, energy.wattHours(),
                state == EvseState.AVAILABLE ? null : card, applied, now);
    }

    private int milliamps(OptionalDouble amps, EvseState state) {
        if (amps.isPresent() && amps.getAsDouble() * 1000 <= 2 * settings.maxCurrentMilliamps()) {
            return (int) Math.round(amps.getAsDouble() * 1000);
        }
        reportOnce("implausible current register, taking the limit instead");
        return state == EvseState.CHARGING ? applied.currentMilliamps() : 0;
    }

    private void comeOnline() {
        if (availability.answered()) {
            LOG.info("Phoenix wallbox {} at {} answers again", settings.evseId(), settings.endpoint());
        }
    }

    private void goOffline(String problem) {
        if (availability.failed(problem)) {
            LOG.warn("Phoenix wallbox {} at {} unit {} is offline: {}", settings.evseId(), settings.endpoint(),
                    settings.unitId(), problem);
        } else {
            LOG.debug("Phoenix wallbox {} still offline: {}", settings.evseId(), problem);
        }
        connection = -1;
        EvseSnapshot last = snapshot;
        if (last.state() != EvseState.OFFLINE) {
            snapshot = new EvseSnapshot(last.evseId(), last.measuredAt(), EvseState.OFFLINE, last.phasesInUse(),
                    last.currents(), last.powerWatts(), last.energyWattHours(), last.idTag(), last.appliedLimit(),
                    last.seenAt());
        }
    }

    private void reportOnce(String problem) {
        if (availability.firstReport(problem)) {
            LOG.warn("Phoenix wallbox {} at {} unit {}: {}", settings.evseId(), settings.endpoint(), settings.unitId(),
                    problem);
        }
    }

    synchronized boolean online() {
        return availability.online();
    }
}
