package org.chargingmanager.wallbox.goe.internal;

import java.time.Clock;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.Evse;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured go-e Charger: registers its charging point as an {@link Evse} and polls it in a thread of its own.
 * A changed configuration restarts the component.
 */
@Component(name = GoeWallbox.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = GoeWallboxConfig.class, factory = true)
public class GoeWallbox {

    public static final String PID = "org.chargingmanager.wallbox.goe";

    private static final Logger LOG = LoggerFactory.getLogger(GoeWallbox.class);

    private final ScheduledExecutorService thread;
    private final ServiceRegistration<Evse> registration;

    @Activate
    public GoeWallbox(BundleContext context, GoeWallboxConfig config) {
        GoeSettings settings;
        try {
            settings = GoeSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("go-e wallbox {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "goe-" + settings.evseId());
            t.setDaemon(true);
            return t;
        });
        GoeCharger charger = new GoeCharger(settings, new GoeHttp(settings.baseUri(), settings.timeout()),
                Clock.systemUTC(), task -> {
                    try {
                        thread.execute(task);
                    } catch (RejectedExecutionException stopping) {
                        // the component is being deactivated
                    }
                });
        thread.scheduleWithFixedDelay(() -> {
            try {
                charger.pollOnce();
            } catch (RuntimeException e) {
                LOG.error("go-e wallbox {}: poll failed", settings.evseId(), e);
            }
        }, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Evse.ID_PROPERTY, settings.evseId());
        properties.put(Evse.DRIVER_PROPERTY, GoeCharger.DRIVER);
        registration = context.registerService(Evse.class, charger, properties);
        LOG.info("go-e wallbox {} configured at {}", settings.evseId(), settings.baseUri());
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
    }
}
