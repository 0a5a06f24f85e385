package org.chargingmanager.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseCapabilities;
import org.chargingmanager.api.evse.EvseInfo;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated wallbox: registers one {@link Evse} service per connector, with the service
 * property {@value #SIMULATED_PROPERTY}{@code =true} so the simulated grid meter can add their load.
 * Changing "car plugged in" or "online" in the configuration acts on the running simulation;
 * any other change rebuilds the wallbox.
 */
@Component(name = SimulatedWallbox.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = SimulatedWallboxConfig.class, factory = true)
public class SimulatedWallbox {

    /** Sets 0.1 A steps like an OCPP charger; the billing bundle records its sessions. */
    static final EvseCapabilities CAPABILITIES = new EvseCapabilities(false, 100, false, false, false);

    public static final String PID = "org.chargingmanager.simulator.wallbox";
    static final String SIMULATED_PROPERTY = "chargingmanager.simulated";
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedWallbox.class);

    private final SimulationClock clock;
    private final BundleContext context;
    private final List<SimulatedConnector> connectors = new ArrayList<>();
    private final List<ServiceRegistration<Evse>> registrations = new ArrayList<>();
    private SimulatedWallboxConfig config;
    private ScheduledFuture<?> ticking;

    @Activate
    public SimulatedWallbox(@Reference SimulationClock clock, BundleContext context, SimulatedWallboxConfig config) {
        this.clock = clock;
        this.context = context;
        build(config);
    }

    @Modified
    synchronized void modified(SimulatedWallboxConfig changed) {
        if (sameHardware(config, changed)) {
            config = changed;
            applyCarAndOnline(changed);
            LOG.info("Simulated wallbox {}: car plugged in {}, online {}", changed.id(), changed.carPluggedIn(),
                    changed.online());
        } else {
            tearDown();
            build(changed);
        }
    }

    @Deactivate
    synchronized void deactivate() {
        tearDown();
    }

    private synchronized void build(SimulatedWallboxConfig newConfig) {
        config = newConfig;
        Instant now = Instant.now();
        int count = Math.max(1, Math.min(8, newConfig.connectors()));
        for (int connectorId = 1; connectorId <= count; connectorId++) {
            EvseInfo info = new EvseInfo(newConfig.id() + "-" + connectorId, name(newConfig, connectorId, count),
                    "simulator", newConfig.id(), connectorId, newConfig.phases(), newConfig.phaseRotation(),
                    milliamps(newConfig.minCurrentAmps()), milliamps(newConfig.maxCurrentAmps()),
                    new DeviceIdentity("Charging Manager", "Simulated wallbox", newConfig.id(), ""), CAPABILITIES);
            SimulatedConnector connector = new SimulatedConnector(info, now);
            connectors.add(connector);
        }
        applyCarAndOnline(newConfig);
        for (SimulatedConnector connector : connectors) {
            Hashtable<String, Object> properties = new Hashtable<>();
            properties.put(Evse.ID_PROPERTY, connector.info().id());
            properties.put(Evse.DRIVER_PROPERTY, "simulator");
            properties.put(SIMULATED_PROPERTY, Boolean.TRUE);
            registrations.add(context.registerService(Evse.class, connector, properties));
        }
        ticking = clock.everyTick(this::tick);
        LOG.info("Simulated wallbox {} started with {} connector(s), {} phase(s), {}-{} A", newConfig.id(), count,
                newConfig.phases(), newConfig.minCurrentAmps(), newConfig.maxCurrentAmps());
    }

    private void tick() {
        Instant now = Instant.now();
        for (SimulatedConnector connector : connectorsNow()) {
            connector.tick(now);
        }
    }

    private synchronized List<SimulatedConnector> connectorsNow() {
        return List.copyOf(connectors);
    }

    private void applyCarAndOnline(SimulatedWallboxConfig newConfig) {
        for (SimulatedConnector connector : connectors) {
            connector.setOnline(newConfig.online());
            if (!newConfig.carPluggedIn()) {
                connector.unplug();
            } else if (!connector.carPluggedIn()) {
                connector.plugIn(new SimulatedCar(milliamps(newConfig.carMaxCurrentAmps()),
                        Math.max(1, Math.min(3, newConfig.carPhases())), newConfig.carBatteryWattHours(),
                        newConfig.carStartStateOfChargePercent()));
            }
        }
    }

    private void tearDown() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        for (ServiceRegistration<Evse> registration : registrations) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregisters our services itself when the bundle stops
            }
        }
        registrations.clear();
        connectors.clear();
    }

    private static boolean sameHardware(SimulatedWallboxConfig a, SimulatedWallboxConfig b) {
        return a.id().equals(b.id()) && a.name().equals(b.name()) && a.connectors() == b.connectors()
                && a.phases() == b.phases() && a.phaseRotation() == b.phaseRotation()
                && a.minCurrentAmps() == b.minCurrentAmps() && a.maxCurrentAmps() == b.maxCurrentAmps()
                && a.carMaxCurrentAmps() == b.carMaxCurrentAmps() && a.carPhases() == b.carPhases()
                && a.carBatteryWattHours() == b.carBatteryWattHours()
                && a.carStartStateOfChargePercent() == b.carStartStateOfChargePercent();
    }

    private static String name(SimulatedWallboxConfig config, int connectorId, int count) {
        return count == 1 ? config.name() : config.name() + " " + connectorId;
    }

    static int milliamps(double amps) {
        return (int) Math.round(amps * 1000);
    }
}
