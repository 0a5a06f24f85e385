package org.chargingmanager.wallbox.keba.internal;

import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.CABLE;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.CURRENT_L1;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.CURRENT_L2;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.CURRENT_L3;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.ENABLE;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.ENERGY;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.FAILSAFE_CURRENT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.FAILSAFE_PERSIST;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.FAILSAFE_TIMEOUT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.FAILSAFE_TIMEOUT_SETTING;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.FIRMWARE;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.HARDWARE_CURRENT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.MAX_CURRENT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.PHASE_SWITCH;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.PHASE_SWITCH_SOURCE;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.RFID;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.POWER;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.PRODUCT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.SERIAL;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.SET_CURRENT;
import static org.chargingmanager.wallbox.keba.internal.KebaModbusRegisters.STATE;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * A KEBA KeContact over Modbus TCP. On every new connection it reads the identity and sets the failsafe (not saved:
 * persist 0); every cycle it writes the current and the enable register where they changed (P40: current 0 pauses),
 * writes the failsafe timeout again as the heartbeat every third of it, and reads the values one register per request
 * (the box reads no blocks). A box that reports another failsafe timeout than was set has restarted: everything is
 * written again. Outside OSGi so tests drive it with a clock and the test kit's Modbus simulator.
 */
final class KebaModbusCharger implements Evse {

    private static final Logger LOG = LoggerFactory.getLogger(KebaModbusCharger.class);
    private static final int RESOLUTION_MILLIAMPS = 100;
    private static final int PHASE_IN_USE_MILLIAMPS = 1000;
    private static final double NOMINAL_VOLTS = 230;
    /** The shortest time between two phase switches. */
    static final java.time.Duration PHASE_SWITCH_INTERVAL = java.time.Duration.ofMinutes(5);

    private final KebaModbusSettings settings;
    private final ModbusLine line;
    private final ModbusDevice device;
    private final Clock clock;
    private final Executor urgent;
    private final EnergyRegister energy = new EnergyRegister();

    private volatile EvseInfo info;
    private volatile EvseSnapshot snapshot;
    private volatile ChargingLimit wanted = ChargingLimit.NOT_ALLOCATED;

    private long connection = -1;
    private Instant heartbeatAt = Instant.MIN;
    private int hardwareMilliamps = Integer.MAX_VALUE;
    private ChargingLimit applied = ChargingLimit.NOT_ALLOCATED;
    private boolean online;
    private String lastProblem;
    private boolean restartReported;
    private boolean rfid;
    private int phasesSet;
    private Instant phasesSwitchedAt = Instant.MIN;

    KebaModbusCharger(KebaModbusSettings settings, ModbusLine line, Clock clock, Executor urgent) {
        this.settings = settings;
        this.line = line;
        this.clock = clock;
        this.urgent = urgent;
        this.device = new ModbusDevice(line, settings.unitId(), KebaModbusRegisters.PROTOCOL, settings.timeout(),
                clock);
        this.info = info(DeviceIdentity.UNKNOWN, false, false);
        this.snapshot = new EvseSnapshot(settings.evseId(), null, EvseState.OFFLINE, 0, PhaseCurrents.ZERO, 0, 0, null,
                ChargingLimit.NOT_ALLOCATED, null);
    }

    private EvseInfo info(DeviceIdentity identity, boolean phaseSwitching, boolean reportsIdTag) {
        return new EvseInfo(settings.evseId(), settings.name(), KebaCharger.DRIVER, settings.endpoint() + " unit "
                + settings.unitId(), 1, settings.phases(), settings.phaseRotation(), settings.minCurrentMilliamps(),
                settings.maxCurrentMilliamps(), identity,
                new EvseCapabilities(phaseSwitching, RESOLUTION_MILLIAMPS, reportsIdTag, false, false));
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

    int deviceMilliamps(ChargingLimit limit) {
        int milliamps = Math.min(limit.currentMilliamps(), Math.min(settings.maxCurrentMilliamps(), hardwareMilliamps));
        milliamps = milliamps / RESOLUTION_MILLIAMPS * RESOLUTION_MILLIAMPS;
        return milliamps < settings.minCurrentMilliamps() ? 0 : milliamps;
    }

    synchronized void pollOnce() {
        try {
            if (connection != line.connectionCount()) {
                identify();
            }
            Instant heartbeatBefore = heartbeatAt;
            write();
            RegisterValues values = device.read();
            connection = line.connectionCount();
            // a timeout written in this very cycle may not read back yet
            if (settings.failsafe() && heartbeatAt.equals(heartbeatBefore)
                    && values.raw(FAILSAFE_TIMEOUT_SETTING).orElse(-1)
                    != settings.failsafeTimeout().toSeconds()) {
                if (!restartReported) {
                    LOG.info("KEBA wallbox {} reports no failsafe (restarted?); setting failsafe and current again",
                            settings.evseId());
                    restartReported = true;
                }
                device.forgetWrittenValues();
                heartbeatAt = Instant.MIN;
                write();
                values = device.read();
            } else {
                restartReported = false;
            }
            String tag = rfid ? KebaModbusRegisters.rfidTag(device.read(List.of(RFID)).raw(RFID).orElse(0)) : null;
            snapshot = decode(values, tag);
            comeOnline();
        } catch (ModbusException e) {
            goOffline(e.getMessage());
        }
    }

    private void identify() throws ModbusException {
        RegisterValues identity = device.read(List.of(SERIAL, PRODUCT, FIRMWARE, HARDWARE_CURRENT,
                PHASE_SWITCH_SOURCE));
        long hardware = identity.raw(HARDWARE_CURRENT).orElse(0);
        hardwareMilliamps = hardware >= 6000 ? (int) hardware : Integer.MAX_VALUE;
        DeviceIdentity deviceIdentity = new DeviceIdentity("KEBA", "KeContact " + settings.model() + " (product "
                + identity.raw(PRODUCT).orElse(0) + ")", Long.toString(identity.raw(SERIAL).orElse(0)),
                Long.toString(identity.raw(FIRMWARE).orElse(0)));
        rfid = KebaModbusRegisters.hasRfid(identity.raw(PRODUCT).orElse(0));
        boolean phaseSwitching = settings.phases() == 3 && identity.raw(PHASE_SWITCH_SOURCE)
                .orElse(0) == KebaModbusRegisters.PHASE_SWITCH_SOURCE_MODBUS;
        if (!deviceIdentity.equals(info.identity()) || phaseSwitching != info.capabilities().phaseSwitching()
                || rfid != info.capabilities().reportsIdTag()) {
            LOG.info("KEBA wallbox {} at {} (Modbus TCP): {}, serial {}, firmware {}, RFID {}, phase switching {}",
                    settings.evseId(), settings.endpoint(), deviceIdentity.model(), deviceIdentity.serialNumber(),
                    deviceIdentity.firmwareVersion(), rfid ? "yes" : "no", phaseSwitching ? "by Modbus" : "no");
            info = info(deviceIdentity, phaseSwitching, rfid);
        }
        device.forgetWrittenValues();
        phasesSet = 0;
        heartbeatAt = Instant.MIN;
    }

    synchronized void writeWanted() {
        if (connection < 0) {
            return;
        }
        try {
            write();
        } catch (ModbusException e) {
            goOffline("writing the limit failed: " + e.getMessage());
        }
    }

    private void write() throws ModbusException {
        Instant now = clock.instant();
        if (settings.failsafe()) {
            device.write(FAILSAFE_PERSIST, 0);
            device.write(FAILSAFE_CURRENT, settings.failsafeMilliamps());
            if (!now.isBefore(heartbeatAt.plus(settings.heartbeatInterval()))) {
                device.write(FAILSAFE_TIMEOUT, settings.failsafeTimeout().toSeconds());
                heartbeatAt = now;
            }
        }
        ChargingLimit limit = wanted;
        int milliamps = deviceMilliamps(limit);
        if (settings.model() == KebaModel.P40) {
            device.write(SET_CURRENT, milliamps);
        } else if (milliamps > 0) {
            device.write(SET_CURRENT, milliamps);
            device.write(ENABLE, 1);
        } else {
            device.write(ENABLE, 0);
        }
        applied = new ChargingLimit(milliamps, limit.reason(), limit.detail(), switchPhases(limit.phases(), now));
    }

    /**
     * Writes 5052 when the load manager asks for other phases and the box lets Modbus switch them — at most once per
     * {@link #PHASE_SWITCH_INTERVAL} (the contactor's sake; KEBA switches the phases itself, pausing the car).
     *
     * @return the phases set, 0 if never set
     */
    private int switchPhases(int phases, Instant now) throws ModbusException {
        if (phases == 0 || !info.capabilities().phaseSwitching() || phases == phasesSet) {
            return phasesSet;
        }
        if (phasesSet != 0 && now.isBefore(phasesSwitchedAt.plus(PHASE_SWITCH_INTERVAL))) {
            return phasesSet;
        }
        device.write(PHASE_SWITCH, phases == 3 ? 1 : 0);
        phasesSet = phases;
        phasesSwitchedAt = now;
        return phasesSet;
    }

    private EvseSnapshot decode(RegisterValues values, String tag) {
        Instant now = values.readAt();
        int state = (int) values.raw(STATE).orElse(-1);
        int cable = (int) values.raw(CABLE).orElse(0);
        int allowed = (int) values.raw(MAX_CURRENT).orElse(0);
        KebaMessage.Settings report = new KebaMessage.Settings(state, cable, allowed > 0, applied.currentMilliamps() > 0,
                allowed, applied.currentMilliamps(), 0, settings.failsafeMilliamps(),
                (int) settings.failsafeTimeout().toSeconds(), 0, -1, -1);
        EvseState evseState = KebaState.of(report, allowed >= settings.minCurrentMilliamps());
        int cap = Math.min(allowed, 2 * settings.maxCurrentMilliamps());
        PhaseCurrents currents = new PhaseCurrents(milliamps(values, CURRENT_L1, cap),
                settings.phases() == 1 ? 0 : milliamps(values, CURRENT_L2, cap),
                settings.phases() == 1 ? 0 : milliamps(values, CURRENT_L3, cap));
        double watts = values.number(POWER).orElse(0);
        if (watts < 0 || watts > 2 * settings.maxCurrentMilliamps() / 1000.0 * NOMINAL_VOLTS * 3) {
            watts = (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * NOMINAL_VOLTS / 1000;
        }
        values.number(ENERGY).ifPresent(energy::update);
        int phasesInUse = 0;
        if (evseState == EvseState.CHARGING) {
            for (int phase = 1; phase <= 3; phase++) {
                if (currents.get(phase) >= PHASE_IN_USE_MILLIAMPS) {
                    phasesInUse++;
                }
            }
        }
        return new EvseSnapshot(settings.evseId(), now, evseState, phasesInUse, currents, watts, energy.wattHours(),
                report.carConnected() ? tag : null, applied, now);
    }

    /** A current in mA; above what the box allows (or garbage) it is taken as what the box allows. */
    private static int milliamps(RegisterValues values, org.chargingmanager.modbus.protocol.Register register,
            int cap) {
        long measured = values.raw(register).orElse(0);
        return (int) Math.min(Math.max(0, measured), Math.max(0, cap));
    }

    private void comeOnline() {
        if (!online) {
            if (lastProblem != null) {
                LOG.info("KEBA wallbox {} at {} answers again", settings.evseId(), settings.endpoint());
            }
            online = true;
            lastProblem = null;
        }
    }

    private void goOffline(String problem) {
        if (online || lastProblem == null) {
            LOG.warn("KEBA wallbox {} at {} (Modbus TCP) is offline: {}", settings.evseId(), settings.endpoint(),
                    problem);
        } else {
            LOG.debug("KEBA wallbox {} still offline: {}", settings.evseId(), problem);
        }
        online = false;
        lastProblem = problem;
        connection = -1;
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
