package org.chargingmanager.meter.sunspec.internal;

import java.time.Clock;
import java.util.Optional;
import java.util.OptionalDouble;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.EnergyRegister;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseVoltages;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.ModbusDevice;
import org.chargingmanager.modbus.protocol.RegisterValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SunSpec device: discovers its model chain on every new connection (a firmware update may move the models),
 * picks the inverter or meter model, and reads that model in one request per cycle. Scale factors are read with the
 * values, so a device that changes them is read right. A reading with a missing or impossible value is dropped whole
 * and logged once; the last good reading stays and turns stale. Outside OSGi so tests drive it.
 */
final class SunSpecReader implements Meter {

    static final String DRIVER = "sunspec";

    private static final Logger LOG = LoggerFactory.getLogger(SunSpecReader.class);
    private static final double MAX_PLAUSIBLE_AMPS = 10_000;
    private static final double MAX_PLAUSIBLE_WATTS = 10_000_000;

    private final SunSpecSettings settings;
    private final ModbusLine line;
    private final Clock clock;
    private final EnergyRegister imported = new EnergyRegister();
    private final EnergyRegister exported = new EnergyRegister();

    private volatile MeterInfo info;
    private volatile MeterReading reading;
    private long discoveredOnConnection = -1;
    private SunSpecModel model;
    private int modelId;
    private ModbusDevice device;
    private boolean online;
    private String lastProblem;

    SunSpecReader(SunSpecSettings settings, ModbusLine line, Clock clock) {
        this.settings = settings;
        this.line = line;
        this.clock = clock;
        this.info = new MeterInfo(settings.meterId(), settings.name(), DRIVER, settings.role());
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
            if (device == null || discoveredOnConnection != line.connectionCount()) {
                discover();
            }
            reading = decode(device.read());
            if (!online) {
                LOG.info("SunSpec {} {} at {} unit {} answers: model {}, {} W", settings.role(), settings.meterId(),
                        settings.endpoint(), settings.unitId(), modelId, reading.powerWatts());
            }
            online = true;
            lastProblem = null;
        } catch (ModbusException | IllegalStateException e) {
            problem(e.getMessage());
            device = null;
        } catch (IllegalArgumentException e) {
            problem("reading dropped: " + e.getMessage());
        }
    }

    private void discover() throws ModbusException {
        SunSpecChain.Found found = SunSpecChain.discover(line, settings.unitId(), settings.timeout(), clock);
        Optional<SunSpecChain.Model> inverter = pick(found, SunSpecModel.Kind.INVERTER);
        Optional<SunSpecChain.Model> meter = pick(found, SunSpecModel.Kind.METER);
        SunSpecChain.Model chosen = switch (settings.source()) {
            case INVERTER -> inverter.orElseThrow(() -> new IllegalStateException("the device has no inverter model "
                    + "(101-103, 111-113); models: " + ids(found)));
            case METER -> meter.orElseThrow(() -> new IllegalStateException("the device has no meter model "
                    + "(201-204); models: " + ids(found)));
            case AUTO -> inverter.or(() -> meter).orElseThrow(() -> new IllegalStateException("the device has "
                    + "neither an inverter nor a meter model the driver reads; models: " + ids(found)));
        };
        model = SunSpecModel.of(chosen.id()).orElseThrow();
        modelId = chosen.id();
        DeviceProtocol protocol = model.protocol(chosen.id(), chosen.address());
        device = new ModbusDevice(line, settings.unitId(), protocol, settings.timeout(), clock);
        if (!found.identity().equals(info.identity())) {
            LOG.info("SunSpec {} at {} unit {}: {} {}, serial {}, version {}; models {}, reading model {} at {}",
                    settings.meterId(), settings.endpoint(), settings.unitId(), found.identity().vendor(),
                    found.identity().model(), found.identity().serialNumber(), found.identity().firmwareVersion(),
                    ids(found), chosen.id(), chosen.address());
            info = new MeterInfo(settings.meterId(), settings.name(), DRIVER, settings.role(), found.identity());
        }
        discoveredOnConnection = line.connectionCount();
    }

    private static Optional<SunSpecChain.Model> pick(SunSpecChain.Found found, SunSpecModel.Kind kind) {
        return found.models().stream()
                .filter(m -> SunSpecModel.of(m.id()).map(s -> s.kind() == kind).orElse(false)).findFirst();
    }

    private static String ids(SunSpecChain.Found found) {
        return found.models().stream().map(m -> Integer.toString(m.id())).toList().toString();
    }

    private MeterReading decode(RegisterValues values) {
        int phases = SunSpecModel.phases(modelId);
        double watts = required(values, "W", MAX_PLAUSIBLE_WATTS);
        double[] amps = {optional(values, "AphA", MAX_PLAUSIBLE_AMPS), optional(values, "AphB", MAX_PLAUSIBLE_AMPS),
            optional(values, "AphC", MAX_PLAUSIBLE_AMPS)};
        if (phases == 1 && amps[0] == 0) {
            amps[0] = Math.abs(optional(values, "A", MAX_PLAUSIBLE_AMPS));
        }
        double[] volts = {optional(values, "PhVphA", 1000), optional(values, "PhVphB", 1000),
            optional(values, "PhVphC", 1000)};
        double[] phaseWatts = new double[3];
        if (model.kind() == SunSpecModel.Kind.METER) {
            phaseWatts = new double[] {optional(values, "WphA", MAX_PLAUSIBLE_WATTS),
                optional(values, "WphB", MAX_PLAUSIBLE_WATTS), optional(values, "WphC", MAX_PLAUSIBLE_WATTS)};
            if (phaseWatts[0] == 0 && phaseWatts[1] == 0 && phaseWatts[2] == 0) {
                phaseWatts[0] = watts;
            }
            imported.update(optional(values, "TotWhImp", Double.MAX_VALUE));
            exported.update(optional(values, "TotWhExp", Double.MAX_VALUE));
        } else {
            double sum = Math.abs(amps[0]) + Math.abs(amps[1]) + Math.abs(amps[2]);
            for (int phase = 0; phase < 3; phase++) {
                phaseWatts[phase] = sum > 0 ? watts * Math.abs(amps[phase]) / sum : phase == 0 ? watts : 0;
            }
            imported.update(optional(values, "WH", Double.MAX_VALUE));
        }
        PhaseCurrents currents = new PhaseCurrents(signed(amps[0], phaseWatts[0]), signed(amps[1], phaseWatts[1]),
                signed(amps[2], phaseWatts[2]));
        PhaseVoltages voltages = new PhaseVoltages(volts[0] > 0 ? volts[0] : 230, volts[1] > 0 ? volts[1] : 230,
                volts[2] > 0 ? volts[2] : 230);
        return new MeterReading(values.readAt(), watts, new PhasePowers(phaseWatts[0], phaseWatts[1], phaseWatts[2]),
                currents, voltages, imported.wattHours(), exported.wattHours());
    }

    private static int signed(double amps, double watts) {
        return (int) Math.round((watts < 0 ? -Math.abs(amps) : Math.abs(amps)) * 1000);
    }

    private double required(RegisterValues values, String point, double max) {
        OptionalDouble value = value(values, point);
        if (value.isEmpty()) {
            throw new IllegalArgumentException(point + " is not implemented or not available");
        }
        return plausible(point, value.getAsDouble(), max);
    }

    private double optional(RegisterValues values, String point, double max) {
        OptionalDouble value = value(values, point);
        return value.isEmpty() ? 0 : plausible(point, value.getAsDouble(), max);
    }

    private static double plausible(String point, double value, double max) {
        if (Double.isNaN(value) || Double.isInfinite(value) || Math.abs(value) > max) {
            throw new IllegalArgumentException("implausible " + point + ": " + value);
        }
        return value;
    }

    /** The point's value with its scale factor applied; empty when the point or its scale factor is not available. */
    private OptionalDouble value(RegisterValues values, String point) {
        SunSpecModel.Point definition = model.points().stream().filter(p -> p.name().equals(point)).findFirst()
                .orElse(null);
        if (definition == null) {
            return OptionalDouble.empty();
        }
        OptionalDouble raw = values.number(device.protocol().require(point));
        if (raw.isEmpty() || definition.scaleFactor() == null) {
            return raw;
        }
        OptionalDouble scale = values.number(device.protocol().require(definition.scaleFactor()));
        if (scale.isEmpty() || Math.abs(scale.getAsDouble()) > 10) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(raw.getAsDouble() * Math.pow(10, scale.getAsDouble()));
    }

    private void problem(String problem) {
        if (online || lastProblem == null) {
            LOG.warn("SunSpec {} at {} unit {} is offline: {}", settings.meterId(), settings.endpoint(),
                    settings.unitId(), problem);
        } else {
            LOG.debug("SunSpec {} still offline: {}", settings.meterId(), problem);
        }
        online = false;
        lastProblem = problem;
    }

    synchronized boolean online() {
        return online;
    }

    /** The model ID read; 0 before discovery. */
    synchronized int modelId() {
        return modelId;
    }
}
