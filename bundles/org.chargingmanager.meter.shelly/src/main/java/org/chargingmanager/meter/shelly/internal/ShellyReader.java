package org.chargingmanager.meter.shelly.internal;

import java.time.Clock;
import java.time.Instant;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.EnergyRegister;
import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseVoltages;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One Shelly Pro 3EM or Pro EM: checks once per connection that the device is the configured model
 * ({@code Shelly.GetDeviceInfo}, needs no password), then reads power ({@code EM.GetStatus}/{@code EM1.GetStatus})
 * and energies ({@code EMData.GetStatus}/{@code EM1Data.GetStatus}) every cycle. A reading with a missing, non-numeric
 * or impossible value is dropped whole and logged once; the last good reading stays and turns stale. Currents are
 * signed by their phase's power (the meter reports them without sign). Outside OSGi so tests drive it.
 */
final class ShellyReader implements Meter {

    static final String DRIVER = "shelly";

    private static final Logger LOG = LoggerFactory.getLogger(ShellyReader.class);
    private static final double MAX_PLAUSIBLE_AMPS = 10_000;
    private static final double MAX_PLAUSIBLE_WATTS = 10_000_000;

    private final ShellySettings settings;
    private final ShellyRpc rpc;
    private final Clock clock;
    private final EnergyRegister imported = new EnergyRegister();
    private final EnergyRegister exported = new EnergyRegister();

    private volatile MeterInfo info;
    private volatile MeterReading reading;
    private boolean identified;
    private boolean online;
    private String lastProblem;

    ShellyReader(ShellySettings settings, ShellyRpc rpc, Clock clock) {
        this.settings = settings;
        this.rpc = rpc;
        this.clock = clock;
        this.info = new MeterInfo(settings.meterId(), settings.name(), DRIVER, settings.role(),
                new DeviceIdentity("Shelly", settings.model().displayName(), "", ""));
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
            if (!identified) {
                identify();
            }
            String id = "?id=" + settings.channel();
            JsonObject power = rpc.call("/rpc/" + settings.model().statusMethod() + id);
            JsonObject energy = rpc.call("/rpc/" + settings.model().energyMethod() + id);
            reading = settings.model().threePhase() ? threePhases(power, energy) : onePhase(power, energy);
            if (!online) {
                LOG.info("Shelly meter {} ({}) at {} answers: {} W", settings.meterId(),
                        settings.model().displayName(), settings.baseUri(), reading.powerWatts());
            }
            online = true;
            lastProblem = null;
        } catch (ShellyException e) {
            if (online || lastProblem == null) {
                LOG.warn("Shelly meter {} at {} is offline: {}", settings.meterId(), settings.baseUri(),
                        e.getMessage());
            } else {
                LOG.debug("Shelly meter {} still offline: {}", settings.meterId(), e.getMessage());
            }
            online = false;
            identified = false;
            lastProblem = e.getMessage();
        }
    }

    private void identify() throws ShellyException {
        JsonObject device = rpc.call("/rpc/Shelly.GetDeviceInfo");
        String app = text(device, "app");
        if (!app.equals(settings.model().app())) {
            throw new ShellyException("the device is a Shelly " + (app.isEmpty() ? "of unknown kind" : app) + ", not a "
                    + settings.model().displayName() + ": is host or model wrong?");
        }
        DeviceIdentity identity = new DeviceIdentity("Shelly", settings.model().displayName() + " ("
                + text(device, "model") + ")", text(device, "mac"), text(device, "ver"));
        if (!identity.equals(info.identity())) {
            LOG.info("Shelly meter {} at {}: {}, MAC {}, firmware {}", settings.meterId(), settings.baseUri(),
                    identity.model(), identity.serialNumber(), identity.firmwareVersion());
            info = new MeterInfo(settings.meterId(), settings.name(), DRIVER, settings.role(), identity);
        }
        identified = true;
    }

    private MeterReading threePhases(JsonObject power, JsonObject energy) throws ShellyException {
        PhasePowers powers = new PhasePowers(number(power, "a_act_power", MAX_PLAUSIBLE_WATTS),
                number(power, "b_act_power", MAX_PLAUSIBLE_WATTS), number(power, "c_act_power", MAX_PLAUSIBLE_WATTS));
        PhaseCurrents currents = new PhaseCurrents(signedMilliamps(power, "a_current", powers.l1Watts()),
                signedMilliamps(power, "b_current", powers.l2Watts()),
                signedMilliamps(power, "c_current", powers.l3Watts()));
        PhaseVoltages voltages = new PhaseVoltages(number(power, "a_voltage", 1000), number(power, "b_voltage", 1000),
                number(power, "c_voltage", 1000));
        double total = number(power, "total_act_power", MAX_PLAUSIBLE_WATTS);
        double importWattHours = number(energy, "total_act", Double.MAX_VALUE);
        double exportWattHours = number(energy, "total_act_ret", Double.MAX_VALUE);
        imported.update(importWattHours);
        exported.update(exportWattHours);
        return new MeterReading(clock.instant(), total, powers, currents, voltages, imported.wattHours(),
                exported.wattHours());
    }

    private MeterReading onePhase(JsonObject power, JsonObject energy) throws ShellyException {
        double watts = number(power, "act_power", MAX_PLAUSIBLE_WATTS);
        int milliamps = signedMilliamps(power, "current", watts);
        double volts = number(power, "voltage", 1000);
        Phase phase = settings.gridPhase();
        PhasePowers powers = new PhasePowers(phase == Phase.L1 ? watts : 0, phase == Phase.L2 ? watts : 0,
                phase == Phase.L3 ? watts : 0);
        PhaseCurrents currents = new PhaseCurrents(phase == Phase.L1 ? milliamps : 0,
                phase == Phase.L2 ? milliamps : 0, phase == Phase.L3 ? milliamps : 0);
        PhaseVoltages voltages = new PhaseVoltages(phase == Phase.L1 ? volts : 230, phase == Phase.L2 ? volts : 230,
                phase == Phase.L3 ? volts : 230);
        imported.update(number(energy, "total_act_energy", Double.MAX_VALUE));
        exported.update(number(energy, "total_act_ret_energy", Double.MAX_VALUE));
        return new MeterReading(clock.instant(), watts, powers, currents, voltages, imported.wattHours(),
                exported.wattHours());
    }

    private static int signedMilliamps(JsonObject json, String key, double watts) throws ShellyException {
        double amps = Math.abs(number(json, key, MAX_PLAUSIBLE_AMPS));
        return (int) Math.round((watts < 0 ? -amps : amps) * 1000);
    }

    private static double number(JsonObject json, String key, double maxMagnitude) throws ShellyException {
        JsonElement value = json.get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new ShellyException("reading without a number \"" + key + "\""
                    + (value == null ? "" : ": " + ShellyRpc.excerpt(value.toString())));
        }
        double number = value.getAsDouble();
        if (Double.isNaN(number) || Double.isInfinite(number) || Math.abs(number) > maxMagnitude) {
            throw new ShellyException("implausible \"" + key + "\": " + number);
        }
        return number;
    }

    private static String text(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value == null || !value.isJsonPrimitive() ? "" : value.getAsString().strip();
    }

    synchronized boolean online() {
        return online;
    }

    /** When the last good reading was taken; null before the first. */
    Instant lastReadingAt() {
        MeterReading last = reading;
        return last == null ? null : last.timestamp();
    }
}
