package org.chargingmanager.forecast.solar.internal;

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
import java.util.List;
import java.util.Locale;

import org.chargingmanager.api.plan.SolarForecast;
import org.chargingmanager.api.plan.SolarSlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One roof's forecast: fetched by {@link #refresh()}, the last good answer kept in memory and in
 * a file, so a restart or an outage of the service keeps the forecast it had. A failure is logged
 * once until the service answers again.
 */
final class ForecastSolarSource implements SolarForecast {

    static final int MAXIMUM_ANSWER_BYTES = 1 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(ForecastSolarSource.class);

    private final String id;
    private final URI uri;
    private final HttpClient client;
    private final Path cacheFile;
    private final Clock clock;
    private volatile List<SolarSlot> slots = List.of();
    private String problem = "";

    ForecastSolarSource(String id, URI uri, HttpClient client, Path cacheFile, Clock clock) {
        this.id = id;
        this.uri = uri;
        this.client = client;
        this.cacheFile = cacheFile;
        this.clock = clock;
        readCache();
    }

    /**
     * The estimate URL of one plane: {@code <base>[/<key>]/estimate/<lat>/<lon>/<dec>/<az>/<kWp>}.
     *
     * @throws IllegalArgumentException if the values are out of range or the base is not http(s)
     */
    static URI estimateUri(String base, String apiKey, double latitude, double longitude, double declination,
            double azimuth, double kilowattPeak) {
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("latitude and longitude must be -90..90 and -180..180");
        }
        if (!(declination >= 0 && declination <= 90) || !(azimuth >= -180 && azimuth <= 180)) {
            throw new IllegalArgumentException("tilt must be 0..90 and orientation -180..180 degrees");
        }
        if (!(kilowattPeak > 0) || kilowattPeak > 100_000) {
            throw new IllegalArgumentException("the peak power must be more than 0 kWp");
        }
        String trimmed = base == null ? "" : base.trim().replaceAll("/+$", "");
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new IllegalArgumentException("the service URL must start with http:// or https://");
        }
        String key = apiKey == null || apiKey.isBlank() ? "" : "/" + apiKey.trim();
        return URI.create(String.format(Locale.ROOT, "%s%s/estimate/%s/%s/%s/%s/%s", trimmed, key, number(latitude),
                number(longitude), number(declination), number(azimuth), number(kilowattPeak)));
    }

    private static String number(double value) {
        return new java.math.BigDecimal(value).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    @Override
    public List<SolarSlot> slots() {
        Instant now = clock.instant();
        return slots.stream().filter(slot -> slot.end().isAfter(now)).toList();
    }

    /** Fetches the forecast once; keeps the last good one if that fails. */
    void refresh() {
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 429) {
                throw new IllegalArgumentException("too many calls (HTTP 429); the service allows 12 an hour without a key");
            }
            if (response.body().length > MAXIMUM_ANSWER_BYTES) {
                throw new IllegalArgumentException("the answer is larger than " + MAXIMUM_ANSWER_BYTES + " bytes");
            }
            String text = new String(response.body(), StandardCharsets.UTF_8);
            List<SolarSlot> fresh = ForecastSolarAnswer.parse(text);
            if (response.statusCode() != 200) {
                throw new IllegalArgumentException("HTTP " + response.statusCode());
            }
            if (fresh.isEmpty()) {
                throw new IllegalArgumentException("the answer holds no forecast");
            }
            slots = fresh;
            writeCache(text);
            if (!problem.isEmpty()) {
                LOG.info("PV forecast '{}': the service answers again", id);
            }
            problem = "";
            LOG.debug("PV forecast '{}': {} periods up to {}", id, fresh.size(), fresh.get(fresh.size() - 1).end());
        } catch (IOException | IllegalArgumentException e) {
            failed(e instanceof IOException ? "cannot reach " + uri.getHost() + ": " + e : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void failed(String why) {
        if (!why.equals(problem)) {
            LOG.warn("PV forecast '{}': {}; the last known forecast ({} periods) stays in use", id, why, slots.size());
        }
        problem = why;
    }

    /** Why the latest refresh failed, or empty. */
    String problem() {
        return problem;
    }

    private void readCache() {
        if (cacheFile == null || !Files.exists(cacheFile)) {
            return;
        }
        try {
            slots = ForecastSolarAnswer.parse(Files.readString(cacheFile));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("PV forecast '{}': the stored forecast {} cannot be read: {}", id, cacheFile, e.getMessage());
        }
    }

    private void writeCache(String text) {
        if (cacheFile == null) {
            return;
        }
        try {
            Path temporary = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
            Files.writeString(temporary, text);
            Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("PV forecast '{}': cannot store the forecast: {}", id, e.toString());
        }
    }
}
