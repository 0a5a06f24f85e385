package org.chargingmanager.tariff.entsoe.internal;

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
 * One configured ENTSO-E bidding zone, refreshed on a schedule and registered as a {@link Tariff}. A
 * configuration that cannot be used (no token, not an EIC code, a URL that is not http(s))
 * registers nothing and says why once; the token is never logged.
 */
@Designate(ocd = EntsoeConfig.class, factory = true)
@Component(configurationPid = "org.chargingmanager.tariff.entsoe", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class EntsoeComponent {

    private static final Logger LOG = LoggerFactory.getLogger(EntsoeComponent.class);

    private final PublishedTariff published;

    @Activate
    public EntsoeComponent(BundleContext context, EntsoeConfig config, @Reference DataDirectory dataDirectory) {
        EntsoeSource source;
        URI url;
        try {
            url = HttpAnswers.checkedUrl(config.url());
            source = new EntsoeSource(url, config._securityToken().trim(), config.biddingZone().trim(),
                    config.resolution().trim().toUpperCase(Locale.ROOT), config.chargesPerKilowattHour(),
                    config.vatPercent(), HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                            .followRedirects(HttpClient.Redirect.NORMAL).build());
        } catch (IllegalArgumentException e) {
            LOG.error("Tariff '{}': {}; the tariff is not used until the configuration is corrected", config.id(),
                    e.getMessage());
            published = null;
            return;
        }
        FetchedTariff tariff = new FetchedTariff(config.id(), "EUR", source,
                PublishedTariff.cacheFile(dataDirectory, "entsoe", config.id()), Clock.systemUTC());
        int minutes = Math.max(15, config.refreshMinutes());
        published = new PublishedTariff(context, tariff, config.ranking(), Duration.ofMinutes(minutes));
        LOG.info("Tariff '{}': ENTSO-E day-ahead prices of {} from {} every {} min", config.id(), config.biddingZone(),
                url.getHost(), minutes);
    }

    @Deactivate
    void deactivate() {
        if (published != null) {
            published.close();
        }
    }
}
