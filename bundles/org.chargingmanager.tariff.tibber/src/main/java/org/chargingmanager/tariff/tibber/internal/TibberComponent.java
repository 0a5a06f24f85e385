package org.chargingmanager.tariff.tibber.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.api.tariff.Tariff;
import org.chargingmanager.tariff.FetchedTariff;
import org.chargingmanager.tariff.HttpAnswers;
import org.chargingmanager.tariff.PublishedTariff;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured Tibber contract, refreshed on a schedule and registered as a {@link Tariff}. A
 * configuration that cannot be used (no token, a URL that is not http(s)) registers nothing and
 * says why once; the token is never logged.
 */
@Designate(ocd = TibberConfig.class, factory = true)
@Component(configurationPid = "org.chargingmanager.tariff.tibber", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class TibberComponent {

    private static final Logger LOG = LoggerFactory.getLogger(TibberComponent.class);

    private final PublishedTariff published;

    @Activate
    public TibberComponent(BundleContext context, TibberConfig config, @Reference DataDirectory dataDirectory) {
        TibberSource source;
        URI url;
        try {
            url = HttpAnswers.checkedUrl(config.url());
            source = new TibberSource(url, config._token().trim(), config.homeId().trim(),
                    config.resolution().trim().toUpperCase(Locale.ROOT), HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NORMAL).build());
        } catch (IllegalArgumentException e) {
            LOG.error("Tariff '{}': {}; the tariff is not used until the configuration is corrected", config.id(),
                    e.getMessage());
            published = null;
            return;
        }
        FetchedTariff tariff = new FetchedTariff(config.id(), "EUR", source,
                PublishedTariff.cacheFile(dataDirectory, "tibber", config.id()), Clock.systemUTC());
        int minutes = Math.max(15, config.refreshMinutes());
        published = new PublishedTariff(context, tariff, config.ranking(), Duration.ofMinutes(minutes));
        LOG.info("Tariff '{}': Tibber prices from {} every {} min", config.id(), url.getHost(), minutes);
    }

    @Deactivate
    void deactivate() {
        if (published != null) {
            published.close();
        }
    }
}
