package org.chargingmanager.forecast.solar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.chargingmanager.api.plan.SolarSlot;
import org.chargingmanager.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** Against a local HTTP server replaying Forecast.Solar's documented answer, and answers that go wrong. */
class ForecastSolarSourceTest {

    @TempDir
    Path directory;

    private HttpServer server;
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicReference<String> body = new AtomicReference<>();
    private final AtomicReference<String> path = new AtomicReference<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-21T02:05:00Z"));

    @BeforeEach
    void start() throws IOException {
        body.set(sample());
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getPath());
            byte[] answer = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static String sample() throws IOException {
        try (InputStream in = ForecastSolarSourceTest.class.getResourceAsStream("/estimate-2026-06-21.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ForecastSolarSource source(String apiKey) {
        URI uri = ForecastSolarSource.estimateUri("http://127.0.0.1:" + server.getAddress().getPort() + "/", apiKey, 52.52,
                13.4, 30, 0, 9.9);
        return new ForecastSolarSource("roof", uri, HttpClient.newHttpClient(), directory.resolve("roof.json"), clock);
    }

    @Test
    void eachPeriodBecomesASlotWithItsMeanPowerInTheSitesTimeZone() {
        List<SolarSlot> slots = ForecastSolarAnswer.parse(body.get());
        assertThat(slots).hasSize(20);
        // 11:00 to 12:00 in Berlin (summer time) is 09:00 to 10:00 UTC: 5175 Wh in one hour
        SolarSlot noon = slots.stream().filter(slot -> slot.start().equals(Instant.parse("2026-06-21T09:00:00Z")))
                .findFirst().orElseThrow();
        assertThat(noon.end()).isEqualTo(Instant.parse("2026-06-21T10:00:00Z"));
        assertThat(noon.powerWatts()).isEqualTo(5175.0);
        // 04:43 to 05:00: 16 Wh in 17 minutes
        assertThat(slots.get(0).powerWatts()).isEqualTo(16 / (17 / 60.0), org.assertj.core.data.Offset.offset(1e-9));
        // the night between the two days: nothing
        SolarSlot night = slots.stream().filter(slot -> slot.start().equals(Instant.parse("2026-06-21T19:31:00Z")))
                .findFirst().orElseThrow();
        assertThat(night.powerWatts()).isZero();
    }

    @Test
    void theRequestNamesThePlaneAndTheKeyAndTheForecastIsKeptWhileTheServiceFails() {
        ForecastSolarSource source = source("secret-key");
        source.refresh();
        assertThat(path.get()).isEqualTo("/secret-key/estimate/52.52/13.4/30/0/9.9");
        assertThat(source.slots()).hasSize(20);
        assertThat(source.problem()).isEmpty();

        status.set(429);
        body.set("{\"message\":{\"type\":\"error\",\"code\":429,\"text\":\"Rate limit for API calls reached.\"}}");
        source.refresh();
        assertThat(source.problem()).contains("429");
        assertThat(source.slots()).hasSize(20);

        status.set(200);
        body.set("<html>maintenance</html>");
        source.refresh();
        assertThat(source.problem()).isEqualTo("the answer is not JSON");
        body.set("{\"result\":{\"watt_hours_period\":{\"2026-06-21 25:00:00\":3}},\"message\":{\"type\":\"success\"}}");
        source.refresh();
        assertThat(source.problem()).contains("is not a time");
        body.set("{\"result\":{\"watt_hours_period\":{}},\"message\":{\"type\":\"success\"}}");
        source.refresh();
        assertThat(source.problem()).isEqualTo("the answer holds no forecast");
        assertThat(source.slots()).hasSize(20);

        clock.set(Instant.parse("2026-06-21T10:30:00Z"));
        assertThat(source.slots()).as("only what is still to come").first().extracting(SolarSlot::start)
                .isEqualTo(Instant.parse("2026-06-21T10:00:00Z"));
    }

    @Test
    void aRestartKeepsTheLastGoodForecastFromDisk() {
        source("").refresh();
        status.set(500);
        body.set("");
        ForecastSolarSource restarted = source("");
        restarted.refresh();
        assertThat(restarted.slots()).hasSize(20);
        assertThat(path.get()).isEqualTo("/estimate/52.52/13.4/30/0/9.9");
    }

    @Test
    void aPlaneOutOfRangeIsRefused() {
        assertThatThrownBy(() -> ForecastSolarSource.estimateUri("https://api.forecast.solar", "", 91, 0, 30, 0, 5))
                .hasMessageContaining("latitude");
        assertThatThrownBy(() -> ForecastSolarSource.estimateUri("https://api.forecast.solar", "", 50, 0, 30, 0, 0))
                .hasMessageContaining("peak power");
        assertThatThrownBy(() -> ForecastSolarSource.estimateUri("ftp://x", "", 50, 0, 30, 0, 5))
                .hasMessageContaining("http");
    }
}
