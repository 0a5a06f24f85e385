package org.chargingmanager.meter.shelly.internal;

import java.time.Clock;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.meter.Meter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One configured Shelly meter: registers it as a {@link Meter} and polls it in a thread of its own. */
@Component(name = ShellyMeter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = ShellyMeterConfig.class, factory = true)
public class ShellyMeter {

    public static final String PID = "org.chargingmanager.meter.shelly";

    private static final Logger LOG = LoggerFactory.getLogger(ShellyMeter.class);

    private final ScheduledExecutorService thread;
    private final ServiceRegistration<Meter> registration;

    @Activate
    public ShellyMeter(BundleContext context, ShellyMeterConfig config) {
        ShellySettings settings;
        try {
            settings = ShellySettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("Shelly meter {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        ShellyReader reader = new ShellyReader(settings,
                new ShellyRpc(settings.baseUri(), settings.timeout(), settings.password()), Clock.systemUTC());
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "shelly-" + settings.meterId());
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                reader.pollOnce();
            } catch (RuntimeException e) {
                LOG.error("Shelly meter {}: poll failed", settings.meterId(), e);
            }
        }, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Meter.ID_PROPERTY, settings.meterId());
        properties.put(Meter.ROLE_PROPERTY, settings.role().name());
        properties.put(Evse.DRIVER_PROPERTY, ShellyReader.DRIVER);
        registration = context.registerService(Meter.class, reader, properties);
        LOG.info("Shelly meter {} ({}, role {}) configured at {}", settings.meterId(), settings.model().displayName(),
                settings.role(), settings.baseUri());
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
