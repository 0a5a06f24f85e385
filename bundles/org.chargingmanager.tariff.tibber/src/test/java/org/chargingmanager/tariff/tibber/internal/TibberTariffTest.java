package org.chargingmanager.tariff.tibber.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.tariff.FetchedTariff;
import org.chargingmanager.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;

/** The Tibber tariff against a local GraphQL endpoint that replays Tibber's documented answers. */
class TibberTariffTest {

    private static final String TOKEN = "5K4MVS-OjfWhK_4yrjOlFe1F6kJXPVf7eQYggo8ebAE";
    /** 2026-03-29, the day the clocks go forward in Germany: 23 hourly prices from local midnight (23:00 UTC). */
    private static final Instant LOCAL_MIDNIGHT = Instant.parse("2026-03-28T23:00:00Z");

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(LOCAL_MIDNIGHT.plus(Duration.ofMinutes(10)));
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/tibber-2026-03-29.json")) {
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1-beta/gql", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private FetchedTariff tariff(String homeId, String resolution) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1-beta/gql");
        return new FetchedTariff("tibber", "EUR", new TibberSource(url, TOKEN, homeId, resolution,
                HttpClient.newHttpClient()), directory.resolve("tibber.json"), clock);
    }

    @Test
    void theContractsPricesOfTheShortDayBecomeSlots() {
        FetchedTariff tariff = tariff("", "HOURLY");
        tariff.refresh();
        PriceForecast forecast = tariff.forecast();
        assertThat(forecast.problem()).isEmpty();
        assertThat(forecast.slots()).hasSize(23);
        assertThat(forecast.slots().get(0).start()).isEqualTo(LOCAL_MIDNIGHT);
        assertThat(forecast.slots().get(22).end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        for (int i = 1; i < 23; i++) {
            assertThat(forecast.slots().get(i).start()).isEqualTo(forecast.slots().get(i - 1).end());
        }
        assertThat(forecast.slotAt(clock.instant()).map(PriceSlot::importPricePerKilowattHour)).contains(0.25);
        assertThat(authorizations.get(0)).isEqualTo("Bearer " + TOKEN);
        String query = JsonParser.parseString(bodies.get(0)).getAsJsonObject().get("query").getAsString();
        assertThat(query).contains("priceInfo(resolution: HOURLY)").contains("today{total").contains("tomorrow{total");
    }

    @Test
    void quarterHourlyIsAskedForAndALastSlotLastsOneResolution() {
        FetchedTariff tariff = tariff("96a14971-525a-4420-aae9-e5aedaa129ff", "QUARTER_HOURLY");
        tariff.refresh();
        assertThat(bodies.get(0)).contains("QUARTER_HOURLY");
        List<PriceSlot> slots = tariff.forecast().slots();
        // hourly entries under a quarter-hourly resolution: each counts for 15 minutes, the rest is unknown
        assertThat(Duration.between(slots.get(0).start(), slots.get(0).end())).isEqualTo(Duration.ofMinutes(15));
        assertThat(tariff.forecast().slotAt(LOCAL_MIDNIGHT.plus(Duration.ofMinutes(20)))).isEmpty();
    }

    @Test
    void errorsOfTibberAndOfTheConnectionKeepTheLastPricesAndSayWhy() {
        FetchedTariff tariff = tariff("", "HOURLY");
        tariff.refresh();
        List<PriceSlot> good = tariff.forecast().slots();

        status = 401;
        tariff.refresh();
        assertThat(tariff.forecast().problem()).isEqualTo("127.0.0.1: HTTP 401: the token or password was refused");
        assertThat(tariff.forecast().slots()).isEqualTo(good);

        status = 200;
        answer = "{\"errors\":[{\"message\":\"Context creation failed: invalid token\"}]}";
        tariff.refresh();
        assertThat(tariff.forecast().problem()).endsWith("Tibber answered with an error: Context creation failed: invalid token");
        answer = "{\"data\":{\"viewer\":{\"homes\":[]}}}";
        tariff.refresh();
        assertThat(tariff.forecast().problem()).endsWith("no home with a contract in the account");
        answer = "{\"data\":{\"viewer\":{\"homes\":[{\"id\":\"h\",\"currentSubscription\":{\"priceInfo\":{\"today\":"
                + "[{\"total\":\"cheap\",\"startsAt\":\"2026-03-29T00:00:00.000+01:00\"}],\"tomorrow\":[]}}}]}}}";
        tariff.refresh();
        assertThat(tariff.forecast().problem()).endsWith("has no number 'total'");
        assertThat(tariff.forecast().slots()).isEqualTo(good);

        FetchedTariff other = tariff("another-home", "HOURLY");
        answer = "{\"data\":{\"viewer\":{\"homes\":[{\"id\":\"h\",\"currentSubscription\":{\"priceInfo\":{\"today\":[],"
                + "\"tomorrow\":[]}}}]}}}";
        other.refresh();
        assertThat(other.forecast().problem()).endsWith("no home 'another-home' with a contract in the account");
    }

    @Test
    void aConfigurationWithoutTokenOrWithAnUnknownResolutionIsRefused() {
        URI url = URI.create("https://api.tibber.com/v1-beta/gql");
        assertThatThrownBy(() -> new TibberSource(url, " ", "", "HOURLY", HttpClient.newHttpClient()))
                .hasMessageContaining("no access token");
        assertThatThrownBy(() -> new TibberSource(url, TOKEN, "", "DAILY", HttpClient.newHttpClient()))
                .hasMessageContaining("QUARTER_HOURLY or HOURLY");
        assertThat(new TibberSource(url, TOKEN, "", "HOURLY", HttpClient.newHttpClient()).name())
                .isEqualTo("api.tibber.com").doesNotContain(TOKEN);
    }
}
