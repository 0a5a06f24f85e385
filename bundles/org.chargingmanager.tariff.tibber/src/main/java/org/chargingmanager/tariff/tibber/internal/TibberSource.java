package org.chargingmanager.tariff.tibber.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.tariff.HttpAnswers;
import org.chargingmanager.tariff.PriceSource;

/** Tibber's GraphQL API: one POST with the user's token for today's and tomorrow's prices. */
final class TibberSource implements PriceSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final URI url;
    private final String token;
    private final String homeId;
    private final String resolution;
    private final HttpClient client;

    /** @param resolution {@code QUARTER_HOURLY} or {@code HOURLY} */
    TibberSource(URI url, String token, String homeId, String resolution, HttpClient client) {
        if (!resolution.equals("QUARTER_HOURLY") && !resolution.equals("HOURLY")) {
            throw new IllegalArgumentException("the resolution is QUARTER_HOURLY or HOURLY, not '" + resolution + "'");
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException("no access token is configured");
        }
        this.url = url;
        this.token = token;
        this.homeId = homeId;
        this.resolution = resolution;
        this.client = client;
    }

    Duration slotLength() {
        return resolution.equals("HOURLY") ? Duration.ofHours(1) : Duration.ofMinutes(15);
    }

    @Override
    public String name() {
        return url.getHost();
    }

    @Override
    public String fetch(Instant now) throws IOException, InterruptedException {
        return HttpAnswers.body(client.send(HttpRequest.newBuilder(url).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(TibberPrices.query(resolution))).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Override
    public List<PriceSlot> parse(String answer) {
        return TibberPrices.parse(answer, homeId, slotLength());
    }
}
