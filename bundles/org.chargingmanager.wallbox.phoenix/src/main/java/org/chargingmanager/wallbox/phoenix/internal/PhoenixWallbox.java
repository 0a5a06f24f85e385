package org.chargingmanager.wallbox.phoenix.internal;

import java.time.Clock;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusLines;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured wallbox with a Phoenix Contact EV Charge Control: opens its Modbus line, registers its charging point as an {@link Evse}
 * and polls it in a thread of its own. A changed configuration restarts the component.
 */
@Component(name = PhoenixWallbox.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = PhoenixWallboxConfig.class, factory = true)
public class PhoenixWallbox {

    public static final String PID = "org.chargingmanager.wallbox.phoenix";

    private static final Logger LOG = LoggerFactory.getLogger(PhoenixWallbox.class);

    private final ModbusLine line;
    private final ScheduledExecutorService thread;
    private final ServiceRegistration<Evse> registration;

    @Activate
    public PhoenixWallbox(BundleContext context, PhoenixWallboxConfig config, @Reference ModbusLines lines) {
        PhoenixSettings settings;
        try {
            settings = PhoenixSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Phoenix wallbox {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        line = lines.open(settings.endpoint());
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "phoenix-" + settings.evseId());
            t.setDaemon(true);
            return t;
        });
        PhoenixCharger charger = new PhoenixCharger(settings, line, Clock.systemUTC(), task -> {
            try {
                thread.execute(task);
            } catch (RejectedExecutionException stopping) {
                // the component is being deactivated; the box keeps its last limit until it is reconfigured
            }
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                charger.pollOnce();
            } catch (RuntimeException e) {
                LOG.error("Phoenix wallbox {}: poll failed", settings.evseId(), e);
            }
        }, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Evse.ID_PROPERTY, settings.evseId());
        properties.put(Evse.DRIVER_PROPERTY, PhoenixCharger.DRIVER);
        registration = context.registerService(Evse.class, charger, properties);
        LOG.info("Phoenix wallbox {} configured at {} unit {}", settings.evseId(), settings.endpoint(), settings.unitId());
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        line.close();
    }
}
