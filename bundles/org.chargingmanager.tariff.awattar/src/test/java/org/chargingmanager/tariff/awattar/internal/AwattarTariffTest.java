package org.chargingmanager.tariff.awattar.internal;

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
import java.nio.file.Files;
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

import com.sun.net.httpserver.HttpServer;

/** The aWATTar tariff against a local HTTP server that replays aWATTar's documented answers. */
class AwattarTariffTest {

    /** 2026-10-25, the day the clocks go back in Germany: 25 hourly prices from local midnight (22:00 UTC). */
    private static final Instant LOCAL_MIDNIGHT = Instant.parse("2026-10-24T22:00:00Z");

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(LOCAL_MIDNIGHT.plus(Duration.ofMinutes(30)));
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/awattar-2026-10-25.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/marketdata", exchange -> {
            requests.add(exchange.getRequestURI());
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/v1/marketdata");
    }

    private FetchedTariff tariff(double charges, double vat) {
        return new FetchedTariff("awattar", "EUR", new AwattarSource(url(), charges, vat, HttpClient.newHttpClient()),
                directory.resolve("awattar.json"), clock);
    }

    @Test
    void pricesPerKilowattHourFromTheMarketPriceForAllTwentyFiveHoursOfTheDay() {
        FetchedTariff tariff = tariff(0, 0);
        tariff.refresh();
        PriceForecast forecast = tariff.forecast();
        assertThat(forecast.problem()).isEmpty();
        assertThat(forecast.currency()).isEqualTo("EUR");
        assertThat(forecast.fetchedAt()).isEqualTo(clock.instant());
        assertThat(forecast.slots()).hasSize(25);
        assertThat(forecast.slotAt(clock.instant()).orElseThrow().importPricePerKilowattHour()).isEqualTo(0.09812);
        PriceSlot negative = forecast.slotAt(LOCAL_MIDNIGHT.plus(Duration.ofHours(13))).orElseThrow();
        assertThat(negative.importPricePerKilowattHour()).isEqualTo(-0.0032);
        assertThat(forecast.slots().get(24).end()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
        // the request asks for two hours back to two days ahead, in epoch milliseconds
        String query = requests.get(0).getQuery();
        assertThat(query).isEqualTo("start=" + Instant.parse("2026-10-24T20:00:00Z").toEpochMilli() + "&end="
                + Instant.parse("2026-10-26T22:00:00Z").toEpochMilli());
    }

    @Test
    void chargesAndVatMakeTheConsumerPrice() {
        FetchedTariff tariff = tariff(0.20, 19);
        tariff.refresh();
        assertThat(tariff.forecast().slotAt(clock.instant()).orElseThrow().importPricePerKilowattHour())
                .isCloseTo((0.09812 + 0.20) * 1.19, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void aFailedRefreshKeepsTheLastGoodPricesAndSaysWhy() {
        FetchedTariff tariff = tariff(0, 0);
        tariff.refresh();
        List<PriceSlot> good = tariff.forecast().slots();

        status = 503;
        tariff.refresh();
        assertThat(tariff.forecast().slots()).isEqualTo(good);
        assertThat(tariff.forecast().problem()).isEqualTo("127.0.0.1: HTTP 503");

        status = 200;
        body = "<html>maintenance</html>";
        tariff.refresh();
        assertThat(tariff.forecast().problem()).endsWith("the answer is not JSON");
        body = "{\"object\":\"list\",\"data\":[]}";
        tariff.refresh();
        assertThat(tariff.forecast().problem()).endsWith("the answer holds no prices");
        body = "{\"data\":[{\"start_timestamp\":\"soon\",\"end_timestamp\":1,\"marketprice\":1}]}";
        tariff.refresh();
        assertThat(tariff.forecast().problem()).endsWith("entry 0 has no number 'start_timestamp'");
        assertThat(tariff.forecast().slots()).isEqualTo(good);

        server.stop(0);
        tariff.refresh();
        assertThat(tariff.forecast().problem()).contains("127.0.0.1: ");
        assertThat(tariff.forecast().slots()).isEqualTo(good);
    }

    @Test
    void aRestartWithoutNetworkStartsWithTheCachedPrices() {
        tariff(0, 0).refresh();
        server.stop(0);
        FetchedTariff restarted = tariff(0, 0);
        assertThat(restarted.forecast().slots()).hasSize(25);
        assertThat(restarted.forecast().problem()).isEmpty();
        restarted.refresh();
        assertThat(restarted.forecast().slots()).hasSize(25);
        assertThat(restarted.forecast().problem()).isNotEmpty();
    }

    @Test
    void withoutAnyPricesTheForecastIsEmptyAndSaysSo() throws IOException {
        Files.writeString(directory.resolve("awattar.json"), "not json");
        FetchedTariff tariff = tariff(0, 0);
        assertThat(tariff.forecast().slots()).isEmpty();
        assertThat(tariff.forecast().problem()).isEqualTo("no prices fetched yet");
    }

    @Test
    void answersThatCannotBeTrustedAreRefusedWhole() {
        assertThatThrownBy(() -> AwattarPrices.parse("{\"data\":{}}", 0, 0)).hasMessageContaining("no list 'data'");
        assertThatThrownBy(() -> AwattarPrices.parse("{\"data\":[{\"start_timestamp\":0,\"end_timestamp\":3600000,"
                + "\"marketprice\":1,\"unit\":\"ct/kWh\"}]}", 0, 0)).hasMessageContaining("unknown unit 'ct/kWh'");
        assertThatThrownBy(() -> AwattarPrices.parse("{\"data\":[{\"start_timestamp\":3600000,\"end_timestamp\":0,"
                + "\"marketprice\":1}]}", 0, 0)).hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> AwattarPrices.parse("{\"data\":[{\"start_timestamp\":0,\"end_timestamp\":3600000,"
                + "\"marketprice\":1},{\"start_timestamp\":1800000,\"end_timestamp\":5400000,\"marketprice\":1}]}", 0, 0))
                .hasMessageContaining("overlap");
        assertThat(AwattarPrices.parse("{\"data\":[{\"start_timestamp\":3600000,\"end_timestamp\":7200000,"
                + "\"marketprice\":50},{\"start_timestamp\":0,\"end_timestamp\":3600000,\"marketprice\":40}]}", 0, 0))
                .extracting(PriceSlot::importPricePerKilowattHour).containsExactly(0.04, 0.05);
        assertThatThrownBy(() -> org.chargingmanager.tariff.HttpAnswers.checkedUrl("ftp://example.org/x")).hasMessageContaining("not an http(s) URL");
    }
}
