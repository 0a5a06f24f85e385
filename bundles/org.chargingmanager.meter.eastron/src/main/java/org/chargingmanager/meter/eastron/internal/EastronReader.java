package org.chargingmanager.meter.eastron.internal;

import static org.chargingmanager.meter.eastron.internal.EastronRegisters.CURRENT_L1;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.CURRENT_L2;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.CURRENT_L3;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.EXPORT_ENERGY;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.IMPORT_ENERGY;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.POWER_L1;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.POWER_L2;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.POWER_L3;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.POWER_TOTAL;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.VOLTAGE_L1;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.VOLTAGE_L2;
import static org.chargingmanager.meter.eastron.internal.EastronRegisters.VOLTAGE_L3;

import java.time.Clock;
import java.util.OptionalDouble;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.EnergyRegister;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseVoltages;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.protocol.ModbusDevice;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Eastron meter: {@link #pollOnce()} reads it (in the driver's thread); {@link #reading()} gives the last
 * good reading. A reading with a missing or impossible value is dropped whole, so the last good one turns
 * stale and the load manager's fallback applies; the meter is never taken as measuring less than it did.
 */
final class EastronReader implements Meter {

    static final String DRIVER = "eastron";

    private static final Logger LOG = LoggerFactory.getLogger(EastronReader.class);
    private static final double NOMINAL_VOLTS = 230;
    /** No house connection carries more; a value beyond it is garbage. */
    private static final double MAX_PLAUSIBLE_AMPS = 10_000;
    private static final double MAX_PLAUSIBLE_WATTS = 10_000_000;

    private final EastronSettings settings;
    private final ModbusDevice device;
    private final MeterInfo info;
    private final EnergyRegister imported = new EnergyRegister();
    private final EnergyRegister exported = new EnergyRegister();

    private volatile MeterReading reading;
    private boolean online;
    private String lastProblem;

    EastronReader(EastronSettings settings, ModbusLine line, Clock clock) {
        this.settings = settings;
        this.device = new ModbusDevice(line, settings.unitId(), settings.model().protocol(), settings.timeout(), clock);
        this.info = new MeterInfo(settings.meterId(), settings.name(), DRIVER, settings.role(),
                new DeviceIdentity("Eastron", settings.model().displayName(), "", ""));
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    /** The last good reading; {@code null} before the first. */
    @Override
    public MeterReading reading() {
        return reading;
    }

    synchronized void pollOnce() {
        try {
            RegisterValues values = device.read();
            reading = decode(values);
            if (!online) {
                LOG.info("Eastron meter {} ({}) at {} unit {} answers: {} W", settings.meterId(),
                        settings.model().displayName(), settings.endpoint(), settings.unitId(), reading.powerWatts());
            }
            online = true;
            lastProblem = null;
        } catch (ModbusException | ImplausibleReading e) {
            if (online || lastProblem == null) {
                LOG.warn("Eastron meter {} at {} unit {} is offline: {}", settings.meterId(), settings.endpoint(),
                        settings.unitId(), e.getMessage());
            } else {
                LOG.debug("Eastron meter {} still offline: {}", settings.meterId(), e.getMessage());
            }
            online = false;
            lastProblem = e.getMessage();
        }
    }

    synchronized boolean online() {
        return online;
    }

    private MeterReading decode(RegisterValues values) throws ImplausibleReading {
        double totalWatts = value(values, POWER_TOTAL, MAX_PLAUSIBLE_WATTS);
        PhasePowers powers;
        PhaseCurrents currents;
        PhaseVoltages voltages;
        if (settings.model().perPhase()) {
            powers = new PhasePowers(value(values, POWER_L1, MAX_PLAUSIBLE_WATTS),
                    value(values, POWER_L2, MAX_PLAUSIBLE_WATTS), value(values, POWER_L3, MAX_PLAUSIBLE_WATTS));
            currents = new PhaseCurrents(signedMilliamps(values, CURRENT_L1, powers.l1Watts()),
                    signedMilliamps(values, CURRENT_L2, powers.l2Watts()),
                    signedMilliamps(values, CURRENT_L3, powers.l3Watts()));
            voltages = new PhaseVoltages(value(values, VOLTAGE_L1, 1000), value(values, VOLTAGE_L2, 1000),
                    value(values, VOLTAGE_L3, 1000));
        } else {
            // totals only: a consumer's power may all be on one phase, a producer's on another
            boolean producer = settings.role() == MeterRole.PV || settings.role() == MeterRole.STORAGE;
            int perPhaseMilliamps = producer ? 0 : (int) Math.round(Math.max(0, totalWatts) / NOMINAL_VOLTS * 1000);
            currents = new PhaseCurrents(perPhaseMilliamps, perPhaseMilliamps, perPhaseMilliamps);
            powers = producer ? PhasePowers.ZERO
                    : new PhasePowers(Math.max(0, totalWatts), Math.max(0, totalWatts), Math.max(0, totalWatts));
            voltages = PhaseVoltages.NOMINAL;
        }
        imported.update(value(values, IMPORT_ENERGY, Double.MAX_VALUE) * 1000);
        exported.update(value(values, EXPORT_ENERGY, Double.MAX_VALUE) * 1000);
        return new MeterReading(values.readAt(), totalWatts, powers, currents, voltages, imported.wattHours(),
                exported.wattHours());
    }

    private static int signedMilliamps(RegisterValues values, Register register, double phaseWatts)
            throws ImplausibleReading {
        double amps = Math.abs(value(values, register, MAX_PLAUSIBLE_AMPS));
        return (int) Math.round((phaseWatts < 0 ? -amps : amps) * 1000);
    }

    private static double value(RegisterValues values, Register register, double maxMagnitude)
            throws ImplausibleReading {
        OptionalDouble value = values.number(register);
        if (value.isEmpty() || Double.isInfinite(value.getAsDouble()) || Math.abs(value.getAsDouble()) > maxMagnitude) {
            throw new ImplausibleReading(register.name() + " reads "
                    + (value.isEmpty() ? "NaN" : String.valueOf(value.getAsDouble())) + " " + register.unit());
        }
        return value.getAsDouble();
    }

    /** A register holds a value no meter measures. */
    static final class ImplausibleReading extends Exception {
        private static final long serialVersionUID = 1L;

        ImplausibleReading(String message) {
            super("implausible reading: " + message);
        }
    }
}
