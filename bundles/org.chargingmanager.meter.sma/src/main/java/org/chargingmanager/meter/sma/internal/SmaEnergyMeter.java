package org.chargingmanager.meter.sma.internal;

import java.io.IOException;
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

/** One configured SMA meter: receives its telegrams and registers it as a {@link Meter}. */
@Component(name = SmaEnergyMeter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = SmaMeterConfig.class, factory = true)
public class SmaEnergyMeter {

    public static final String PID = "org.chargingmanager.meter.sma";

    private static final Logger LOG = LoggerFactory.getLogger(SmaEnergyMeter.class);

    private final SmaReceiver receiver;
    private final ScheduledExecutorService watchdog;
    private final ServiceRegistration<Meter> registration;

    @Activate
    public SmaEnergyMeter(BundleContext context, SmaMeterConfig config) {
        SmaSettings settings;
        try {
            settings = SmaSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("SMA meter {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        Clock clock = Clock.systemUTC();
        SmaMeterReader reader = new SmaMeterReader(settings, clock);
        try {
            receiver = new SmaReceiver(settings, reader, clock);
        } catch (IOException e) {
            LOG.error("SMA meter {}: cannot receive on {}:{}: {}", settings.meterId(),
                    settings.group().getHostAddress(), settings.port(), e.getMessage());
            throw new IllegalStateException(e);
        }
        watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "sma-watchdog-" + settings.meterId());
            t.setDaemon(true);
            return t;
        });
        watchdog.scheduleWithFixedDelay(reader::check, SmaMeterReader.SILENCE.toMillis(), 1000, TimeUnit.MILLISECONDS);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Meter.ID_PROPERTY, settings.meterId());
        properties.put(Meter.ROLE_PROPERTY, settings.role().name());
        properties.put(Evse.DRIVER_PROPERTY, SmaMeterReader.DRIVER);
        registration = context.registerService(Meter.class, reader, properties);
        LOG.info("SMA meter {} (role {}, serial {}) receives on {}:{}{}", settings.meterId(), settings.role(),
                settings.serialNumber() == 0 ? "any" : settings.serialNumber(), settings.group().getHostAddress(),
                settings.port(), settings.networkInterface() == null ? "" : " via " + settings.networkInterface().getName());
    }

    @Deactivate
    void deactivate() {
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
        watchdog.shutdownNow();
        receiver.close();
    }
}
