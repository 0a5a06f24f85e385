package org.chargingmanager.tariff.awattar.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.api.tariff.Tariff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * aWATTar's day-ahead prices as a {@link Tariff}. {@link #refresh()} asks for two hours back to
 * 48 hours ahead; a good answer replaces the prices and is kept in a cache file, so a restart
 * without network still knows today's prices. A failed refresh (no connection, an HTTP error, an
 * answer that cannot be read, an empty list) keeps the last good prices, says why in
 * {@link PriceForecast#problem()} and is logged once until a refresh works again.
 */
final class AwattarTariff implements Tariff {

    static final String CURRENCY = "EUR";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_ANSWER_CHARACTERS = 1_000_000;
    private static final Logger LOG = LoggerFactory.getLogger(AwattarTariff.class);

    private final String id;
    private final URI url;
    private final double chargesPerKilowattHour;
    private final double vatPercent;
    private final Path cacheFile;
    private final HttpClient client;
    private final Clock clock;
    private volatile PriceForecast forecast;
    private boolean problemLogged;

    AwattarTariff(String id, URI url, double chargesPerKilowattHour, double vatPercent, Path cacheFile, HttpClient client,
            Clock clock) {
        this.id = id;
        this.url = url;
        this.chargesPerKilowattHour = chargesPerKilowattHour;
        this.vatPercent = vatPercent;
        this.cacheFile = cacheFile;
        this.client = client;
        this.clock = clock;
        this.forecast = fromCache();
    }

    static URI checkedUrl(String text) {
        try {
            URI uri = new URI(text.trim());
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + text + "' is not an http(s) URL");
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL");
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public PriceForecast forecast() {
        return forecast;
    }

    /** Fetches the prices once; never throws. */
    synchronized void refresh() {
        Instant now = clock.instant();
        Instant start = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofHours(50));
        URI request = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + "start=" + start.toEpochMilli()
                + "&end=" + end.toEpochMilli());
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(request).timeout(TIMEOUT)
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("HTTP " + response.statusCode());
            }
            String body = response.body();
            if (body.length() > MAX_ANSWER_CHARACTERS) {
                throw new IllegalArgumentException("the answer is larger than " + MAX_ANSWER_CHARACTERS + " characters");
            }
            List<PriceSlot> slots = AwattarPrices.parse(body, chargesPerKilowattHour, vatPercent);
            if (slots.isEmpty()) {
                throw new IllegalArgumentException("the answer holds no prices");
            }
            forecast = new PriceForecast(CURRENCY, slots, now, "");
            writeCache(body);
            if (problemLogged) {
                LOG.info("Tariff '{}': prices from {} again, up to {}", id, url.getHost(), slots.get(slots.size() - 1).end());
                problemLogged = false;
            } else {
                LOG.debug("Tariff '{}': {} prices up to {}", id, slots.size(), slots.get(slots.size() - 1).end());
            }
        } catch (IOException | IllegalArgumentException e) {
            failed(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(String problem) {
        PriceForecast last = forecast;
        forecast = new PriceForecast(CURRENCY, last.slots(), last.fetchedAt(), url.getHost() + ": " + problem);
        if (!problemLogged) {
            LOG.warn("Tariff '{}': cannot fetch prices from {}: {}; using the last known prices{} (logged once until "
                    + "it works again)", id, url.getHost(), problem,
                    last.slots().isEmpty() ? " (none)" : " up to " + last.slots().get(last.slots().size() - 1).end());
            problemLogged = true;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + TIMEOUT.toSeconds() + " s";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private PriceForecast fromCache() {
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
            return PriceForecast.empty(CURRENCY, "no prices fetched yet");
        }
        try {
            List<PriceSlot> slots = AwattarPrices.parse(Files.readString(cacheFile, StandardCharsets.UTF_8),
                    chargesPerKilowattHour, vatPercent);
            return new PriceForecast(CURRENCY, slots, Files.getLastModifiedTime(cacheFile).toInstant(), "");
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Tariff '{}': the cached prices in {} cannot be read ({}); waiting for the next refresh", id,
                    cacheFile, describe(e));
            return PriceForecast.empty(CURRENCY, "no prices fetched yet");
        }
    }

    private void writeCache(String body) {
        if (cacheFile == null) {
            return;
        }
        try {
            Path temporary = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
            Files.writeString(temporary, body, StandardCharsets.UTF_8);
            Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Tariff '{}': cannot write the cache {}: {}", id, cacheFile, e.getMessage());
        }
    }
}
