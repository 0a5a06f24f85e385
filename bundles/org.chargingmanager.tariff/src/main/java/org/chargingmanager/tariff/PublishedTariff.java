package org.chargingmanager.tariff;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Hashtable;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.api.tariff.Tariff;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link FetchedTariff} at work: refreshed by its own thread on a schedule (the first time at
 * once) and registered as a {@link Tariff} service with its ID and ranking, until {@link #close()}.
 */
public final class PublishedTariff implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedTariff.class);

    private final ScheduledExecutorService scheduler;
    private final ServiceRegistration<Tariff> registration;

    public PublishedTariff(BundleContext context, FetchedTariff tariff, int ranking, Duration refresh) {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tariff-" + tariff.id());
            thread.setDaemon(true);
            return thread;
        });
        long minutes = Math.max(1, refresh.toMinutes());
        scheduler.scheduleWithFixedDelay(tariff::refresh, 0, minutes, TimeUnit.MINUTES);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Tariff.ID_PROPERTY, tariff.id());
        properties.put(Constants.SERVICE_RANKING, ranking);
        registration = context.registerService(Tariff.class, tariff, properties);
    }

    /**
     * The cache file of a tariff in the data directory ({@code tariff/<kind>-<id>.json}), or
     * {@code null} if the directory cannot be made (then a restart without network starts without
     * prices; said once).
     */
    public static Path cacheFile(DataDirectory dataDirectory, String kind, String id) {
        try {
            return dataDirectory.subdirectory("tariff").resolve(kind + "-" + id.replaceAll("[^A-Za-z0-9_-]", "_") + ".json");
        } catch (IOException e) {
            LOG.warn("Tariff '{}': no cache for prices ({}); a restart without network starts without prices", id,
                    e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        registration.unregister();
        scheduler.shutdownNow();
    }
}
