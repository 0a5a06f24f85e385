package org.chargingmanager.forecast.solar.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.plan.SolarForecast;
import org.chargingmanager.api.platform.DataDirectory;
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
 * One configured roof: its forecast fetched on a schedule and registered as a
 * {@link SolarForecast}. A configuration that cannot be used registers nothing and says why once.
 */
@Designate(ocd = ForecastSolarConfig.class, factory = true)
@Component(configurationPid = "org.chargingmanager.forecast.solar", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class ForecastSolarComponent {

    private static final Logger LOG = LoggerFactory.getLogger(ForecastSolarComponent.class);

    private final ScheduledExecutorService executor;
    private final ServiceRegistration<SolarForecast> registration;

    @Activate
    public ForecastSolarComponent(BundleContext context, ForecastSolarConfig config, @Reference DataDirectory dataDirectory) {
        URI uri;
        Path cache;
        try {
            uri = ForecastSolarSource.estimateUri(config.url(), config._apiKey(), config.latitude(), config.longitude(),
                    config.declinationDegrees(), config.azimuthDegrees(), config.kilowattPeak());
            cache = dataDirectory.subdirectory("forecasts").resolve("forecast-solar-"
                    + config.id().replaceAll("[^A-Za-z0-9_.-]", "_") + ".json");
        } catch (IllegalArgumentException | IOException e) {
            LOG.error("PV forecast '{}': {}; not used until the configuration is corrected", config.id(), e.getMessage());
            executor = null;
            registration = null;
            return;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        ForecastSolarSource source = new ForecastSolarSource(config.id(), uri, client, cache, Clock.systemUTC());
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chargingmanager-forecast-solar-" + config.id());
            thread.setDaemon(true);
            return thread;
        });
        int minutes = Math.max(15, config.refreshMinutes());
        executor.scheduleWithFixedDelay(source::refresh, 0, minutes, TimeUnit.MINUTES);
        registration = context.registerService(SolarForecast.class, source, null);
        LOG.info("PV forecast '{}': {} kWp at {}, {} from {} every {} min", config.id(), config.kilowattPeak(),
                config.latitude(), config.longitude(), uri.getHost(), minutes);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it with the bundle
            }
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
