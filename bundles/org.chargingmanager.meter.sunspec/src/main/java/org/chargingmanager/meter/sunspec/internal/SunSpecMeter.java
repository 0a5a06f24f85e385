package org.chargingmanager.meter.sunspec.internal;

import java.time.Clock;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.meter.Meter;
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

/** One configured SunSpec inverter or meter: registers it as a {@link Meter} and polls it in a thread of its own. */
@Component(name = SunSpecMeter.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = SunSpecMeterConfig.class, factory = true)
public class SunSpecMeter {

    public static final String PID = "org.chargingmanager.meter.sunspec";

    private static final Logger LOG = LoggerFactory.getLogger(SunSpecMeter.class);

    private final ModbusLine line;
    private final ScheduledExecutorService thread;
    private final ServiceRegistration<Meter> registration;

    @Activate
    public SunSpecMeter(BundleContext context, SunSpecMeterConfig config, @Reference ModbusLines lines) {
        SunSpecSettings settings;
        try {
            settings = SunSpecSettings.from(config);
        } catch (IllegalArgumentException e) {
            LOG.error("SunSpec meter {}: configuration not usable: {}", config.id(), e.getMessage());
            throw e;
        }
        line = lines.open(settings.endpoint());
        SunSpecReader reader = new SunSpecReader(settings, line, Clock.systemUTC());
        thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "sunspec-" + settings.meterId());
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(() -> {
            try {
                reader.pollOnce();
            } catch (RuntimeException e) {
                LOG.error("SunSpec meter {}: poll failed", settings.meterId(), e);
            }
        }, 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Meter.ID_PROPERTY, settings.meterId());
        properties.put(Meter.ROLE_PROPERTY, settings.role().name());
        properties.put(Evse.DRIVER_PROPERTY, SunSpecReader.DRIVER);
        registration = context.registerService(Meter.class, reader, properties);
        LOG.info("SunSpec meter {} ({} model, role {}) configured at {} unit {}", settings.meterId(),
                settings.source(), settings.role(), settings.endpoint(), settings.unitId());
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
