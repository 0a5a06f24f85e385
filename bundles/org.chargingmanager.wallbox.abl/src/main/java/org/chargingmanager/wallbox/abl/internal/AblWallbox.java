package org.chargingmanager.wallbox.abl.internal;

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
 * One configured ABL charging point: opens its Modbus line (an eMH1 bus may carry several boxes, an eM4 several
 * connectors: they share it), registers the charging point as an {@link Evse} and polls it in a thread of its own. A changed configuration restarts the component.
 */
@Component(name = AblWallbox.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = AblWallboxConfig.class, factory = true)
public class AblWallbox {

    public static final String PID = "org.chargingmanager.wallbox.abl";

    private static final Logger LOG = LoggerFactory.getLogger(AblWallbox.class);

    private final ModbusLine line;
    private final ScheduledExecutorService thread;
    private final ServiceRegistration<Evse> registration;

    @Activate
    public AblWallbox(BundleContext context, AblWallboxConfig config, @Reference ModbusLines lines) {
        AblSettings settings;
        try {
            settings = AblSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("ABL wallbox {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        line = lines.open(settings.endpoint());
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "abl-" + settings.evseId());
            t.setDaemon(true);
            return t;
        });
        AblCharger charger = new AblCharger(settings, line, AblCharger.link(settings, line), Clock.systemUTC(),
                task -> {
                    try {
                        thread.execute(task);
                    } catch (RejectedExecutionException stopping) {
                        // being deactivated; the box keeps its last limit until it is reconfigured
                    }
                });
        thread.scheduleWithFixedDelay(() -> {
            try {
                charger.pollOnce();
            } catch (RuntimeException e) {
                LOG.error("ABL wallbox {}: poll failed", settings.evseId(), e);
            }
        }, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Evse.ID_PROPERTY, settings.evseId());
        properties.put(Evse.DRIVER_PROPERTY, AblCharger.DRIVER);
        registration = context.registerService(Evse.class, charger, properties);
        LOG.info("ABL wallbox {} configured at {} unit {}", settings.evseId(), settings.endpoint(), settings.unitId());
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
