package org.chargingmanager.tariff.generic.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
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
 * One configured JSON or CSV price URL, refreshed on a schedule and registered as a
 * {@link Tariff}. A configuration that cannot be used (no URL, a path that cannot be read, an
 * unknown unit or time zone) registers nothing and says why once; the header value is never
 * logged, and of the URL only the host.
 */
@Designate(ocd = GenericTariffConfig.class, factory = true)
@Component(configurationPid = "org.chargingmanager.tariff.generic", configurationPolicy = ConfigurationPolicy.REQUIRE)
public class GenericTariffComponent {

    private static final Logger LOG = LoggerFactory.getLogger(GenericTariffComponent.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final PublishedTariff published;

    @Activate
    public GenericTariffComponent(BundleContext context, GenericTariffConfig config,
            @Reference DataDirectory dataDirectory) {
        GenericSource source;
        URI url;
        PriceFormat format;
        try {
            url = HttpAnswers.checkedUrl(config.url());
            format = format(config);
            source = new GenericSource(url, format, config.headerName().trim(), config._headerValue(), TIMEOUT,
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                            .followRedirects(HttpClient.Redirect.NORMAL).build());
        } catch (IllegalArgumentException e) {
            LOG.error("Tariff '{}': {}; the tariff is not used until the configuration is corrected", config.id(),
                    e.getMessage());
            published = null;
            return;
        }
        FetchedTariff tariff = new FetchedTariff(config.id(), config.currency().trim().toUpperCase(Locale.ROOT), source,
                PublishedTariff.cacheFile(dataDirectory, "generic", config.id()), Clock.systemUTC());
        int minutes = Math.max(15, config.refreshMinutes());
        published = new PublishedTariff(context, tariff, config.ranking(), Duration.ofMinutes(minutes));
        LOG.info("Tariff '{}': {} prices from {} every {} min", config.id(), format.csv() ? "CSV" : "JSON",
                url.getHost(), minutes);
    }

    /** The format a configuration describes; {@link IllegalArgumentException} says what is wrong. */
    static PriceFormat format(GenericTariffConfig config) {
        String kind = config.format().trim().toUpperCase(Locale.ROOT);
        if (!kind.equals("JSON") && !kind.equals("CSV")) {
            throw new IllegalArgumentException("the format is JSON or CSV, not '" + config.format() + "'");
        }
        String separator = config.csvSeparator().equals("\\t") ? "\t" : config.csvSeparator();
        if (separator.length() != 1) {
            throw new IllegalArgumentException("the CSV separator is one character, not '" + separator + "'");
        }
        ZoneId zone;
        try {
            zone = config.timeZone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(config.timeZone().trim());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + config.timeZone() + "' is not a time zone");
        }
        return new PriceFormat(kind.equals("CSV"), config.slotsPath(), config.startField(), config.endField(),
                config.priceField(), constant(PriceUnit.class, config.priceUnit(), "price unit"),
                constant(TimeFormat.class, config.timeFormat(), "time format"), zone,
                Duration.ofMinutes(Math.max(1, config.slotMinutes())), separator.charAt(0), config.csvHeader());
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String value, String what) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is one of " + Arrays.toString(type.getEnumConstants())
                    + ", not '" + value + "'");
        }
    }

    @Deactivate
    void deactivate() {
        if (published != null) {
            published.close();
        }
    }
}
