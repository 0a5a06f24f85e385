package org.chargingmanager.tariff.awattar.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
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
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured aWATTar tariff: refreshes its prices on a schedule and registers them as a
 * {@link Tariff} service. A configuration that cannot be used (a URL that is not http(s), a VAT
 * below 0) registers nothing and says why once.
 */
@Designate(ocd = AwattarConfig.class, factory = true)
@Component(configurationPid = "org.chargingmanager.tariff.awattar", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class AwattarComponent {

    private static final Logger LOG = LoggerFactory.getLogger(AwattarComponent.class);

    private final ScheduledExecutorService scheduler;
    private final ServiceRegistration<Tariff> registration;

    @Activate
    public AwattarComponent(BundleContext context, AwattarConfig config, @Reference DataDirectory dataDirectory) {
        URI url;
        try {
            url = AwattarTariff.checkedUrl(config.url());
            if (!(config.vatPercent() >= 0) || !Double.isFinite(config.chargesPerKilowattHour())) {
                throw new IllegalArgumentException("VAT must be 0 % or more and the charges a number");
            }
        } catch (IllegalArgumentException e) {
            LOG.error("Tariff '{}': {}; the tariff is not used until the configuration is corrected", config.id(),
                    e.getMessage());
            scheduler = null;
            registration = null;
            return;
        }
        Path cache = null;
        try {
            cache = dataDirectory.subdirectory("tariff").resolve("awattar-" + config.id().replaceAll("[^A-Za-z0-9_-]", "_")
                    + ".json");
        } catch (IOException e) {
            LOG.warn("Tariff '{}': no cache for prices ({}); a restart without network starts without prices",
                    config.id(), e.getMessage());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        AwattarTariff tariff = new AwattarTariff(config.id(), url, config.chargesPerKilowattHour(), config.vatPercent(),
                cache, client, Clock.systemUTC());
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "tariff-awattar-" + config.id());
            thread.setDaemon(true);
            return thread;
        });
        int minutes = Math.max(15, config.refreshMinutes());
        scheduler.scheduleWithFixedDelay(tariff::refresh, 0, minutes, TimeUnit.MINUTES);
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(Tariff.ID_PROPERTY, tariff.id());
        properties.put(Constants.SERVICE_RANKING, config.ranking());
        registration = context.registerService(Tariff.class, tariff, properties);
        LOG.info("Tariff '{}': aWATTar prices from {} every {} min", config.id(), url.getHost(), minutes);
    }

    @Deactivate
    void deactivate() {
        if (registration != null) {
            registration.unregister();
        }
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
