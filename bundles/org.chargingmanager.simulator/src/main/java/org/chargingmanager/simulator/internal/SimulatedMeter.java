package org.chargingmanager.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseVoltages;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;

/**
 * A simulated meter. As grid meter it sees a base load per phase plus the current of every
 * simulated charging point on the grid phase it is wired to. Its energy registers integrate
 * the power over time, like a real meter's.
 */
@Component(name = SimulatedMeter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = SimulatedMeterConfig.class, factory = true)
public class SimulatedMeter implements Meter {

    public static final String PID = "org.chargingmanager.simulator.meter";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = "(" + SimulatedWallbox.SIMULATED_PROPERTY + "=true)")
    private final List<Evse> wallboxes = new CopyOnWriteArrayList<>();

    private volatile SimulatedMeterConfig config;
    private volatile MeterInfo info;
    private MeterReading last;

    private ServiceRegistration<Meter> registration;

    @Activate
    void activate(BundleContext context, SimulatedMeterConfig config) {
        modified(config);
        registration = context.registerService(Meter.class, this, serviceProperties(info));
    }

    @Modified
    void modified(SimulatedMeterConfig config) {
        this.config = config;
        this.info = new MeterInfo(config.id(), config.name(), "simulator", config.role());
        if (registration != null) {
            registration.setProperties(serviceProperties(info));
        }
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters our services itself when the bundle stops
        }
    }

    private static Hashtable<String, Object> serviceProperties(MeterInfo info) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Meter.ID_PROPERTY, info.id());
        properties.put(Meter.ROLE_PROPERTY, info.role().name());
        properties.put(Evse.DRIVER_PROPERTY, "simulator");
        properties.put(SimulatedWallbox.SIMULATED_PROPERTY, Boolean.TRUE);
        return properties;
    }

    @Override
    public MeterInfo info() {
        return info;
    }

    @Override
    public synchronized MeterReading reading() {
        Instant now = Instant.now();
        SimulatedMeterConfig current = config;
        if (!current.online() && last != null) {
            return last;
        }
        last = measure(current, now, wallboxes, last);
        return last;
    }

    static MeterReading measure(SimulatedMeterConfig config, Instant now, List<Evse> wallboxes, MeterReading previous) {
        double volts = config.volts();
        PhaseCurrents wallboxCurrents = PhaseCurrents.ZERO;
        if (config.includeSimulatedWallboxes()) {
            for (Evse wallbox : wallboxes) {
                EvseSnapshot snapshot = wallbox.snapshot();
                wallboxCurrents = wallboxCurrents.plus(wallbox.info().phaseRotation().toGrid(snapshot.currents()));
            }
        }
        PhasePowers powers = new PhasePowers(
                config.baseLoadL1Watts() + wallboxCurrents.l1Milliamps() * volts / 1000,
                config.baseLoadL2Watts() + wallboxCurrents.l2Milliamps() * volts / 1000,
                config.baseLoadL3Watts() + wallboxCurrents.l3Milliamps() * volts / 1000);
        PhaseCurrents currents = new PhaseCurrents((int) Math.round(powers.l1Watts() / volts * 1000),
                (int) Math.round(powers.l2Watts() / volts * 1000), (int) Math.round(powers.l3Watts() / volts * 1000));
        double importWattHours = 0;
        double exportWattHours = 0;
        if (previous != null) {
            double hours = Math.max(0, Duration.between(previous.timestamp(), now).toNanos() / 3.6e12);
            double energy = previous.powerWatts() * hours;
            importWattHours = previous.energyImportWattHours() + Math.max(0, energy);
            exportWattHours = previous.energyExportWattHours() + Math.max(0, -energy);
        }
        return new MeterReading(now, powers.totalWatts(), powers, currents, new PhaseVoltages(volts, volts, volts),
                importWattHours, exportWattHours);
    }
}
