package org.chargingmanager.wallbox.cfos.internal;

import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.BUILD;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CHARGING_CURRENT_LIMIT;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CHARGING_ENABLE;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CHARGING_STATE;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CURRENT_L1;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CURRENT_L2;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.CURRENT_L3;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.ENERGY;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.FEATURE_FLAGS;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.LAST_RFID;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.METER_FLAGS;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.POWER;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.PRODUCT_ID;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.RELAY_SELECT;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.SERIAL;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.VENDOR_ID;
import static org.chargingmanager.wallbox.cfos.internal.CfosRegisters.VERSION;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;

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
 * One cFos Power Brain charging point: reads it in {@link #pollOnce()}, writes the wanted limit as the
 * registers' write policies allow. {@link #pollOnce()} runs in the driver's thread; {@link #applyLimit} only
 * records the limit and hands a reduction to {@code urgentWrites} at once. Outside OSGi so tests drive it
 * with a clock and a simulator.
 */
final class CfosCharger implements Evse {

    static final String DRIVER = "cfos";

    private static final Logger LOG = LoggerFactory.getLogger(CfosCharger.class);
    private static final double NOMINAL_VOLTS = 230;
    private static final int RESOLUTION_MILLIAMPS = 100;
    /** A phase drawing less than this counts as not in use. */
    private static final int PHASE_IN_USE_MILLIAMPS = 1000;

    private final CfosSettings settings;
    private final ModbusLine line;
    private final ModbusDevice device;
    private final Clock clock;
    private final Executor urgentWrites;
    private final EnergyRegister energy = new EnergyRegister();

    private volatile EvseInfo info;
    private volatile EvseSnapshot snapshot;
    private volatile ChargingLimit wanted = ChargingLimit.NOT_ALLOCATED;

    /** The line's connection count when the identity was read; another count means a new connection. */
    private long identifiedOnConnection = -1;
    private boolean online;
    private String lastProblem;
    private boolean implausibleReported;
    private volatile ChargingLimit applied = ChargingLimit.NOT_ALLOCATED;
    /** The raw limit and enable words last written; null until written on this connection. */
    private int[] writtenLimitAndEnable;

    CfosCharger(CfosSettings settings, ModbusLine line, Clock clock, Executor urgentWrites) {
        this.settings = settings;
        this.line = line;
        this.clock = clock;
        this.urgentWrites = urgentWrites;
        this.device = new ModbusDevice(line, settings.unitId(), CfosRegisters.PROTOCOL, settings.timeout(), clock);
        this.info = info(DeviceIdentity.UNKNOWN, false);
        this.snapshot = new EvseSnapshot(settings.evseId(), null, EvseState.OFFLINE, 0, PhaseCurrents.ZERO, 0, 0, null,
                ChargingLimit.NOT_ALLOCATED, null);
    }

    private EvseInfo info(DeviceIdentity identity, boolean phaseSwitching) {
        return new EvseInfo(settings.evseId(), settings.name(), DRIVER,
                settings.endpoint() + " unit " + settings.unitId(), 1, settings.phases(), settings.phaseRotation(),
                settings.minCurrentMilliamps(), settings.maxCurrentMilliamps(), identity,
                new EvseCapabilities(phaseSwitching && settings.phases() == 3, RESOLUTION_MILLIAMPS, true, false,
                        false));
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
        if (deviceMilliamps(limit) < deviceMilliamps(before) || phaseChange(limit)) {
            urgentWrites.execute(this::writeWantedLimit);
        }
    }

    /** One cycle: identify the box on a new connection, send the wanted limit, read it. */
    synchronized void pollOnce() {
        try {
            if (identifiedOnConnection < 0 || identifiedOnConnection != line.connectionCount()) {
                identify();
            }
            writeWantedLimit();
            RegisterValues values = device.read();
            if (identifiedOnConnection != line.connectionCount()) {
                // the connection was lost and made again since identifying: the box may have rebooted
                identify();
                writeWantedLimit();
                values = device.read();
            }
            noticeLimitChangedByTheBox(values);
            snapshot = decode(values);
            updateCapabilities(values);
            comeOnline();
        } catch (ModbusException | IllegalStateException e) {
            goOffline(e.getMessage());
        }
    }

    private void identify() throws ModbusException {
        RegisterValues identity = device.read(List.of(VENDOR_ID, PRODUCT_ID, VERSION, BUILD, SERIAL));
        long connection = line.connectionCount();
        long vendor = identity.raw(VENDOR_ID).orElse(-1);
        if (vendor != CfosRegisters.CFOS_VENDOR_ID) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "the device answers vendor ID 0x%04X, a cFos answers 0x%04X: is host, port or unit ID wrong?",
                    vendor, CfosRegisters.CFOS_VENDOR_ID));
        }
        long version = identity.raw(VERSION).orElse(0);
        String firmware = String.format(Locale.ROOT, "%d.%d build %d", version >> 8, version & 0xFF,
                identity.raw(BUILD).orElse(0));
        String model = String.format(Locale.ROOT, "Power Brain (product 0x%04X)", identity.raw(PRODUCT_ID).orElse(0));
        DeviceIdentity deviceIdentity = new DeviceIdentity("cFos", model, printable(identity.text(SERIAL)), firmware);
        if (!deviceIdentity.equals(info.identity())) {
            LOG.info("cFos wallbox {} at {} unit {}: {}, serial {}, firmware {}", settings.evseId(),
                    settings.endpoint(), settings.unitId(), model, deviceIdentity.serialNumber(), firmware);
        }
        info = info(deviceIdentity, info.capabilities().phaseSwitching());
        device.forgetWrittenValues();
        writtenLimitAndEnable = null;
        identifiedOnConnection = connection;
    }

    private void updateCapabilities(RegisterValues values) {
        boolean canSwitch = (values.raw(FEATURE_FLAGS).orElse(0) & CfosRegisters.PHASE_SWITCHING_BIT) != 0;
        if (canSwitch != info.capabilities().phaseSwitching() && settings.phases() == 3) {
            LOG.info("cFos wallbox {}: phase switching {}", settings.evseId(), canSwitch ? "available" : "not available");
            info = info(info.identity(), canSwitch);
        }
    }

    /** A box that rebooted without dropping the connection (RTU) has its own limit again: write ours again. */
    private void noticeLimitChangedByTheBox(RegisterValues values) {
        if (writtenLimitAndEnable == null) {
            return;
        }
        int enable = (int) values.raw(CHARGING_ENABLE).orElse(-1);
        int limit = (int) values.raw(CHARGING_CURRENT_LIMIT).orElse(-1);
        boolean enableDiffers = enable != writtenLimitAndEnable[1];
        boolean limitDiffers = writtenLimitAndEnable[1] == 1 && limit != writtenLimitAndEnable[0];
        if (enableDiffers || limitDiffers) {
            LOG.info("cFos wallbox {}: the box reports limit {} A, enable {} instead of {} A, enable {}; writing again",
                    settings.evseId(), limit / 10.0, enable, writtenLimitAndEnable[0] / 10.0, writtenLimitAndEnable[1]);
            device.forgetWrittenValues();
            writtenLimitAndEnable = null;
        }
    }

    private EvseSnapshot decode(RegisterValues values) {
        Instant now = values.readAt();
        int enable = (int) values.raw(CHARGING_ENABLE).orElse(0);
        double limitAmps = values.number(CHARGING_CURRENT_LIMIT).orElse(0);
        boolean allowed = enable == 1 && limitAmps * 1000 >= settings.minCurrentMilliamps();
        int stateRegister = (int) values.raw(CHARGING_STATE).orElse(0xFF);
        EvseState state = CfosState.of(stateRegister, allowed);
        if (!CfosState.known(stateRegister) && !implausibleReported) {
            LOG.warn("cFos wallbox {}: unknown charging state {}, taken as a fault", settings.evseId(), stateRegister);
            implausibleReported = true;
        }
        int phasesWired = values.raw(RELAY_SELECT).orElse(0) == 1 ? 1 : settings.phases();
        OptionalDouble power = values.number(POWER);
        PhaseCurrents currents;
        if (values.raw(METER_FLAGS).orElse(0) != 0) {
            currents = new PhaseCurrents(milliamps(values.number(CURRENT_L1), state),
                    milliamps(values.number(CURRENT_L2), state), milliamps(values.number(CURRENT_L3), state));
        } else if (power.isPresent() && power.getAsDouble() > 0) {
            currents = PhaseCurrents.onPhases(phasesWired,
                    (int) Math.round(power.getAsDouble() / (NOMINAL_VOLTS * phasesWired) * 1000));
        } else {
            currents = PhaseCurrents.ZERO;
        }
        if (settings.phases() == 1) {
            currents = new PhaseCurrents(currents.l1Milliamps(), 0, 0);
        }
        double powerWatts = power.isPresent() && power.getAsDouble() < 100_000 ? power.getAsDouble()
                : (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * NOMINAL_VOLTS / 1000;
        OptionalDouble rawEnergy = values.number(ENERGY);
        if (rawEnergy.isPresent()) {
            switch (energy.update(rawEnergy.getAsDouble())) {
                case HELD_AT_ZERO -> LOG.debug("cFos wallbox {}: energy register reads 0 (booting?), holding {} Wh",
                        settings.evseId(), energy.wattHours());
                case COUNTER_RESET -> LOG.warn("cFos wallbox {}: energy register went back to {} Wh, counting on from {} Wh",
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
        String tag = state.vehicleConnected() ? printable(values.text(LAST_RFID)) : "";
        return new EvseSnapshot(settings.evseId(), now, state, phasesInUse, currents, powerWatts, energy.wattHours(),
                tag.isEmpty() ? null : tag, applied, now);
    }

    /**
     * A current register's value in mA. A value that is missing (0xFFFFFFFF) or more than the box can carry is
     * garbage: while charging the box is assumed to draw its limit (the safe assumption for the fuse).
     */
    private int milliamps(OptionalDouble amps, EvseState state) {
        if (amps.isPresent() && amps.getAsDouble() >= 0 && amps.getAsDouble() * 1000 <= 2 * settings.maxCurrentMilliamps()) {
            return (int) Math.round(amps.getAsDouble() * 1000);
        }
        if (!implausibleReported) {
            LOG.warn("cFos wallbox {}: implausible current register ({}), taking the limit instead",
                    settings.evseId(), amps.isPresent() ? amps.getAsDouble() + " A" : "not available");
            implausibleReported = true;
        }
        return state == EvseState.CHARGING ? applied.currentMilliamps() : 0;
    }

    private static String printable(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c > 0x20 && c < 0x7F) {
                result.append(c);
            }
        }
        return result.toString();
    }

    /** The current the box is to be set to: at most its maximum, down to 0.1 A, 0 below the minimum. */
    int deviceMilliamps(ChargingLimit limit) {
        int milliamps = Math.min(limit.currentMilliamps(), settings.maxCurrentMilliamps());
        milliamps = milliamps / RESOLUTION_MILLIAMPS * RESOLUTION_MILLIAMPS;
        return milliamps < settings.minCurrentMilliamps() ? 0 : milliamps;
    }

    private boolean phaseChange(ChargingLimit limit) {
        return limit.phases() != 0 && limit.phases() != applied.phases();
    }

    /** Sends the wanted limit: relay first, then the current, then enable (0 pauses). */
    synchronized void writeWantedLimit() {
        if (identifiedOnConnection < 0) {
            return;
        }
        ChargingLimit limit = wanted;
        int milliamps = deviceMilliamps(limit);
        try {
            int phases = 0;
            if (limit.phases() != 0 && info.capabilities().phaseSwitching()) {
                device.write(RELAY_SELECT, limit.phases() == 1 ? 1 : 0);
                phases = limit.phases();
            } else if (limit.phases() == 0) {
                phases = applied.phases();
            }
            int rawLimit;
            if (milliamps > 0) {
                device.write(CHARGING_CURRENT_LIMIT, milliamps / 1000.0);
                device.write(CHARGING_ENABLE, 1);
                rawLimit = milliamps / RESOLUTION_MILLIAMPS;
            } else {
                device.write(CHARGING_ENABLE, 0);
                rawLimit = writtenLimitAndEnable == null ? -1 : writtenLimitAndEnable[0];
            }
            writtenLimitAndEnable = new int[] {rawLimit, milliamps > 0 ? 1 : 0};
            ChargingLimit nowApplied = new ChargingLimit(milliamps, limit.reason(), limit.detail(), phases);
            if (!nowApplied.equals(applied)) {
                LOG.debug("cFos wallbox {}: limit {} A ({})", settings.evseId(), milliamps / 1000.0, limit.reason());
                applied = nowApplied;
                EvseSnapshot last = snapshot;
                snapshot = new EvseSnapshot(last.evseId(), last.measuredAt(), last.state(), last.phasesInUse(),
                        last.currents(), last.powerWatts(), last.energyWattHours(), last.idTag(), applied,
                        last.seenAt());
            }
        } catch (ModbusException e) {
            goOffline("writing the limit failed: " + e.getMessage());
        }
    }

    private void comeOnline() {
        if (!online) {
            if (lastProblem != null) {
                LOG.info("cFos wallbox {} at {} unit {} answers again", settings.evseId(), settings.endpoint(),
                        settings.unitId());
            }
            online = true;
            lastProblem = null;
        }
    }

    private void goOffline(String problem) {
        if (online || lastProblem == null) {
            LOG.warn("cFos wallbox {} at {} unit {} is offline: {}", settings.evseId(), settings.endpoint(),
                    settings.unitId(), problem);
        } else {
            LOG.debug("cFos wallbox {} still offline: {}", settings.evseId(), problem);
        }
        online = false;
        lastProblem = problem;
        identifiedOnConnection = -1;
        EvseSnapshot last = snapshot;
        if (last.state() != EvseState.OFFLINE) {
            snapshot = new EvseSnapshot(last.evseId(), last.measuredAt(), EvseState.OFFLINE, last.phasesInUse(),
                    last.currents(), last.powerWatts(), last.energyWattHours(), last.idTag(), last.appliedLimit(),
                    last.seenAt());
        }
    }

    /** Whether the last cycle reached the box (for tests and status). */
    synchronized boolean online() {
        return online;
    }
}
