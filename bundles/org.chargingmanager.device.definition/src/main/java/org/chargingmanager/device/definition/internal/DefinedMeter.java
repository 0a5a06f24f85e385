package org.chargingmanager.device.definition.internal;

import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.CURRENT_L1;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.CURRENT_L2;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.CURRENT_L3;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.ENERGY_EXPORT;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.ENERGY_IMPORT;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.POWER;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.POWER_L1;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.POWER_L2;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.POWER_L3;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.VOLTAGE_L1;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.VOLTAGE_L2;
import static org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity.VOLTAGE_L3;

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
import org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A meter from a definition file. {@code power} is required; without per-phase values the power counts on every phase
 * for a grid or consumer meter (safe for the fuse) and on none for a producer. A reading without power, or with an
 * impossible value, is dropped whole and logged once; the last good one stays and turns stale.
 */
final class DefinedMeter implements Meter {

    static final String DRIVER = "definition";

    private static final Logger LOG = LoggerFactory.getLogger(DefinedMeter.class);
    private static final double NOMINAL_VOLTS = 230;
    private static final double MAX_WATTS = 10_000_000;
    private static final double MAX_AMPS = 10_000;

    private final String id;
    private final DeviceDefinition definition;
    private final DeviceAccess access;
    private final Clock clock;
    private final MeterInfo info;
    private final EnergyRegister imported = new EnergyRegister();
    private final EnergyRegister exported = new EnergyRegister();
    private volatile MeterReading reading;
    private boolean online;
    private String lastProblem;

    DefinedMeter(String id, String name, MeterRole role, DeviceDefinition definition, DeviceAccess access,
            Clock clock) {
        this.id = id;
        this.definition = definition;
        this.access = access;
        this.clock = clock;
        this.info = new MeterInfo(id, name, DRIVER, role, new DeviceIdentity("", definition.name(), "", ""));
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public MeterReading reading() {
        return reading;
    }

    synchronized void pollOnce() {
        try {
            DeviceAccess.Values values = access.read();
            reading = decode(values);
            if (!online) {
                LOG.info("Meter {} ({}, from its definition) at {} answers: {} W", id, definition.name(),
                        access.address(), reading.powerWatts());
            }
            online = true;
            lastProblem = null;
        } catch (DeviceAccess.AccessException | IllegalArgumentException e) {
            if (online || lastProblem == null) {
                LOG.warn("Meter {} ({}) at {} is offline: {}", id, definition.name(), access.address(), e.getMessage());
            } else {
                LOG.debug("Meter {} still offline: {}", id, e.getMessage());
            }
            online = false;
            lastProblem = e.getMessage();
        }
    }

    private MeterReading decode(DeviceAccess.Values values) {
        double watts = required(values, POWER, MAX_WATTS);
        boolean perPhase = definition.values().containsKey(POWER_L1) || definition.values().containsKey(CURRENT_L1);
        PhasePowers powers;
        PhaseCurrents currents;
        if (perPhase) {
            double[] phaseWatts = {optional(values, POWER_L1, MAX_WATTS), optional(values, POWER_L2, MAX_WATTS),
                optional(values, POWER_L3, MAX_WATTS)};
            double[] volts = {optional(values, VOLTAGE_L1, 1000), optional(values, VOLTAGE_L2, 1000),
                optional(values, VOLTAGE_L3, 1000)};
            double[] amps = {optional(values, CURRENT_L1, MAX_AMPS), optional(values, CURRENT_L2, MAX_AMPS),
                optional(values, CURRENT_L3, MAX_AMPS)};
            int[] milliamps = new int[3];
            for (int i = 0; i < 3; i++) {
                if (!definition.values().containsKey(Quantity.values()[CURRENT_L1.ordinal() + i])) {
                    amps[i] = Math.abs(phaseWatts[i]) / (volts[i] > 0 ? volts[i] : NOMINAL_VOLTS);
                }
                milliamps[i] = (int) Math.round((phaseWatts[i] < 0 ? -Math.abs(amps[i]) : Math.abs(amps[i])) * 1000);
            }
            powers = new PhasePowers(phaseWatts[0], phaseWatts[1], phaseWatts[2]);
            currents = new PhaseCurrents(milliamps[0], milliamps[1], milliamps[2]);
        } else {
            boolean producer = info.role() == MeterRole.PV || info.role() == MeterRole.STORAGE;
            double perPhaseWatts = producer ? 0 : Math.max(0, watts);
            int perPhaseMilliamps = (int) Math.round(perPhaseWatts / NOMINAL_VOLTS * 1000);
            powers = new PhasePowers(perPhaseWatts, perPhaseWatts, perPhaseWatts);
            currents = new PhaseCurrents(perPhaseMilliamps, perPhaseMilliamps, perPhaseMilliamps);
        }
        PhaseVoltages voltages = new PhaseVoltages(volts(values, VOLTAGE_L1), volts(values, VOLTAGE_L2),
                volts(values, VOLTAGE_L3));
        values.get(ENERGY_IMPORT).ifPresent(imported::update);
        values.get(ENERGY_EXPORT).ifPresent(exported::update);
        return new MeterReading(clock.instant(), watts, powers, currents, voltages, imported.wattHours(),
                exported.wattHours());
    }

    private static double volts(DeviceAccess.Values values, Quantity quantity) {
        OptionalDouble volts = values.get(quantity);
        return volts.isPresent() && volts.getAsDouble() > 0 && volts.getAsDouble() < 1000 ? volts.getAsDouble()
                : NOMINAL_VOLTS;
    }

    private static double required(DeviceAccess.Values values, Quantity quantity, double max) {
        OptionalDouble value = values.get(quantity);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(quantity.key() + " is not available");
        }
        return plausible(quantity, value.getAsDouble(), max);
    }

    private static double optional(DeviceAccess.Values values, Quantity quantity, double max) {
        OptionalDouble value = values.get(quantity);
        return value.isEmpty() ? 0 : plausible(quantity, value.getAsDouble(), max);
    }

    private static double plausible(Quantity quantity, double value, double max) {
        if (!Double.isFinite(value) || Math.abs(value) > max) {
            throw new IllegalArgumentException("implausible " + quantity.key() + ": " + value);
        }
        return value;
    }

    synchronized boolean online() {
        return online;
    }
}
