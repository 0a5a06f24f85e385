package org.chargingmanager.tariff.entsoe.internal;

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

import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.tariff.FetchedTariff;
import org.chargingmanager.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/** The ENTSO-E tariff against a local server replaying the Transparency Platform's documented answers. */
class EntsoeTariffTest {

    private static final String TOKEN = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
    private static final Instant DAY = Instant.parse("2026-01-18T23:00:00Z");

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(DAY.plus(Duration.ofHours(9)));
    private final List<URI> requests = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String answer;
    private HttpServer server;

    private static String resource(String name) throws IOException {
        try (InputStream in = EntsoeTariffTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @BeforeEach
    void startServer() throws IOException {
        answer = resource("entsoe-de-lu-2026-01-19.xml");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api", exchange -> {
            requests.add(exchange.getRequestURI());
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

    private FetchedTariff tariff(String resolution, double charges, double vat) {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api");
        return new FetchedTariff("entsoe", "EUR", new EntsoeSource(url, TOKEN, "10Y1001A1001A82H", resolution, charges,
                vat, HttpClient.newHttpClient()), directory.resolve("entsoe.json"), clock);
    }

    private static double priceAt(FetchedTariff tariff, Instant instant) {
        return tariff.forecast().slotAt(instant).map(PriceSlot::importPricePerKilowattHour).orElseThrow();
    }

    @Test
    void quarterHoursOfTheSdacAuctionWithLeftOutPositionsRepeated() {
        FetchedTariff tariff = tariff("PT15M", 0, 0);
        tariff.refresh();
        assertThat(tariff.forecast().problem()).isEmpty();
        List<PriceSlot> slots = tariff.forecast().slots();
        assertThat(slots).hasSize(96);
        assertThat(slots.get(95).end()).isEqualTo(Instant.parse("2026-01-19T23:00:00Z"));
        assertThat(priceAt(tariff, DAY)).isEqualTo(0.07324);
        assertThat(priceAt(tariff, DAY.plus(Duration.ofMinutes(30)))).as("position 3 repeats 2").isEqualTo(0.0711);
        assertThat(priceAt(tariff, DAY.plus(Duration.ofMinutes(15 * 40)))).as("position 41").isEqualTo(-0.00525);
        assertThat(priceAt(tariff, DAY.plus(Duration.ofMinutes(15 * 95)))).as("the last repeats 60").isEqualTo(0.095);
        assertThat(slots).noneMatch(slot -> slot.importPricePerKilowattHour() == 0.999); // the EXAA sequence
        String query = requests.get(0).getQuery();
        assertThat(query).contains("documentType=A44", "in_Domain=10Y1001A1001A82H", "out_Domain=10Y1001A1001A82H",
                "periodStart=202601190600", "periodEnd=202601210800", "securityToken=" + TOKEN);
    }

    @Test
    void hourlyWhereConfiguredWithChargesAndVat() {
        FetchedTariff tariff = tariff("PT60M", 0.2, 19);
        tariff.refresh();
        assertThat(tariff.forecast().slots()).hasSize(24);
        assertThat(priceAt(tariff, DAY.plus(Duration.ofHours(2)))).isCloseTo((0.072 + 0.2) * 1.19,
                org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void noDataABadTokenAndGarbageKeepTheLastPricesAndSayWhy() throws IOException {
        FetchedTariff tariff = tariff("PT15M", 0, 0);
        tariff.refresh();
        List<PriceSlot> good = tariff.forecast().slots();

        answer = resource("entsoe-no-data.xml");
        tariff.refresh();
        assertThat(tariff.forecast().problem()).contains("ENTSO-E answered: No matching data found");
        status = 401;
        tariff.refresh();
        assertThat(tariff.forecast().problem()).isEqualTo("127.0.0.1: HTTP 401: the token or password was refused");
        assertThat(tariff.forecast().problem()).doesNotContain(TOKEN);
        status = 200;
        answer = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        tariff.refresh();
        assertThat(tariff.forecast().problem()).endsWith("the answer is not XML");
        answer = "<Publication_MarketDocument><TimeSeries><Period><timeInterval><start>2026-01-18T23:00Z</start>"
                + "<end>2026-01-19T23:00Z</end></timeInterval><resolution>PT60M</resolution><Point><position>99</position>"
                + "<price.amount>1</price.amount></Point></Period></TimeSeries></Publication_MarketDocument>";
        tariff.refresh();
        assertThat(tariff.forecast().problem()).endsWith("point 99 of the period from 2026-01-18T23:00:00Z is outside it or not a price");
        assertThat(tariff.forecast().slots()).isEqualTo(good);
    }

    @Test
    void configurationsThatCannotWorkAreRefused() {
        URI url = URI.create("https://web-api.tp.entsoe.eu/api");
        HttpClient client = HttpClient.newHttpClient();
        assertThatThrownBy(() -> new EntsoeSource(url, "", "10Y1001A1001A82H", "PT15M", 0, 0, client))
                .hasMessageContaining("no security token");
        assertThatThrownBy(() -> new EntsoeSource(url, TOKEN, "DE-LU", "PT15M", 0, 0, client))
                .hasMessageContaining("not an EIC code");
        assertThatThrownBy(() -> new EntsoeSource(url, TOKEN, "10Y1001A1001A82H", "P1D", 0, 0, client))
                .hasMessageContaining("PT15M or PT60M");
    }
}
