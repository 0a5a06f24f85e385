package org.chargingmanager.tariff.awattar.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;

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
 * One configured aWATTar tariff, refreshed on a schedule and registered as a {@link Tariff}. A
 * configuration that cannot be used (a URL that is not http(s), a VAT below 0) registers nothing
 * and says why once.
 */
@Designate(ocd = AwattarConfig.class, factory = true)
@Component(configurationPid = "org.chargingmanager.tariff.awattar", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class AwattarComponent {

    private static final Logger LOG = LoggerFactory.getLogger(AwattarComponent.class);

    private final PublishedTariff published;

    @Activate
    public AwattarComponent(BundleContext context, AwattarConfig config, @Reference DataDirectory dataDirectory) {
        URI url;
        try {
            url = HttpAnswers.checkedUrl(config.url());
            if (!(config.vatPercent() >= 0) || !Double.isFinite(config.chargesPerKilowattHour())) {
                throw new IllegalArgumentException("VAT must be 0 % or more and the charges a number");
            }
        } catch (IllegalArgumentException e) {
            LOG.error("Tariff '{}': {}; the tariff is not used until the configuration is corrected", config.id(),
                    e.getMessage());
            published = null;
            return;
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        FetchedTariff tariff = new FetchedTariff(config.id(), "EUR",
                new AwattarSource(url, config.chargesPerKilowattHour(), config.vatPercent(), client),
                PublishedTariff.cacheFile(dataDirectory, "awattar", config.id()), Clock.systemUTC());
        int minutes = Math.max(15, config.refreshMinutes());
        published = new PublishedTariff(context, tariff, config.ranking(), Duration.ofMinutes(minutes));
        LOG.info("Tariff '{}': aWATTar prices from {} every {} min", config.id(), url.getHost(), minutes);
    }

    @Deactivate
    void deactivate() {
        if (published != null) {
            published.close();
        }
    }
}
