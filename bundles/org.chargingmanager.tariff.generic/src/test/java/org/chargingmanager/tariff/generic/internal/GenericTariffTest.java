package org.chargingmanager.tariff.generic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.tariff.FetchedTariff;
import org.chargingmanager.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpServer;

/**
 * The generic JSON/CSV tariff against a local HTTP server on an ephemeral loopback port that
 * replays answers shaped like real price sources: a supplier's JSON list in ct/kWh on the spring
 * DST day, an Octopus Agile-shaped list (newest first, half-hourly, pence), a Nord Pool-shaped
 * answer with epoch milliseconds in EUR/MWh, and a German CSV with local times on the autumn DST
 * day.
 */
class GenericTariffTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final String API_KEY = "Bearer s3cr3t-key-0123456789";

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-29T00:30:00Z"));
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private volatile int status = 200;
    private volatile String body;
    private volatile CountDownLatch holdAnswer;
    private HttpServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/prices", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            CountDownLatch hold = holdAnswer;
            if (hold != null) {
                try {
                    hold.await(10, TimeUnit.SECONDS); // a late answer: the client gives up first
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] answer = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            } catch (IOException gone) {
                // the client gave up
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        CountDownLatch hold = holdAnswer;
        if (hold != null) {
            hold.countDown();
        }
        server.stop(0);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GenericTariffTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prices?area=DE");
    }

    private FetchedTariff tariff(PriceFormat format, String currency) {
        return new FetchedTariff("test", currency, new GenericSource(url(), format, "Authorization", API_KEY,
                Duration.ofMillis(500), HttpClient.newHttpClient()), directory.resolve("generic-test.json"), clock);
    }

    private static PriceFormat supplierFormat() {
        return new PriceFormat(false, "$.data[*]", "start", "end", "price", PriceUnit.CENTS_PER_KILOWATT_HOUR,
                TimeFormat.ISO_OFFSET, BERLIN, Duration.ofHours(1), ',', true);
    }

    private static PriceFormat csvFormat() {
        return new PriceFormat(true, "", "Beginn", "", "Preis (ct/kWh)", PriceUnit.CENTS_PER_KILOWATT_HOUR,
                TimeFormat.LOCAL, BERLIN, Duration.ofHours(1), ';', true);
    }

    @Test
    void aSuppliersListInCentsOnTheDayTheClocksGoForwardHasTwentyThreeHourlySlots() throws IOException {
        body = resource("supplier-ct-2026-03-29.json");
        FetchedTariff tariff = tariff(supplierFormat(), "EUR");
        tariff.refresh();
        PriceForecast forecast = tariff.forecast();
        assertThat(forecast.problem()).isEmpty();
        assertThat(forecast.slots()).hasSize(23);
        assertThat(forecast.slots().get(0).start()).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
        assertThat(forecast.slots().get(22).end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(forecast.slotAt(clock.instant()).orElseThrow().importPricePerKilowattHour())
                .isCloseTo(0.3018, within(1e-12)); // 01:00 CET
        // 03:00 CEST, the hour after the skipped one, is 01:00 UTC: the price of 03:00 local
        assertThat(forecast.slotAt(Instant.parse("2026-03-29T01:30:00Z")).orElseThrow().importPricePerKilowattHour())
                .isCloseTo(0.2987, within(1e-12));
        assertThat(authorizations).containsExactly(API_KEY);
    }

    @Test
    void anOctopusAgileShapedListNewestFirstInPenceBecomesHalfHourlySlotsInOrder() throws IOException {
        body = resource("octopus-agile-2026-01-20.json");
        FetchedTariff tariff = tariff(new PriceFormat(false, "$.results[*]", "valid_from", "valid_to",
                "value_inc_vat", PriceUnit.CENTS_PER_KILOWATT_HOUR, TimeFormat.ISO_OFFSET, BERLIN,
                Duration.ofMinutes(30), ',', true), "GBP");
        tariff.refresh();
        PriceForecast forecast = tariff.forecast();
        assertThat(forecast.currency()).isEqualTo("GBP");
        assertThat(forecast.slots()).hasSize(16);
        assertThat(forecast.slots().get(0).start()).isEqualTo(Instant.parse("2026-01-19T23:00:00Z"));
        assertThat(forecast.slots().get(0).importPricePerKilowattHour()).isCloseTo(0.141, within(1e-12));
        assertThat(forecast.slots().get(15).end()).isEqualTo(Instant.parse("2026-01-20T07:00:00Z"));
        assertThat(forecast.slots()).allMatch(slot -> Duration.between(slot.start(), slot.end()).toMinutes() == 30);
    }

    @Test
    void aNordPoolShapedAnswerWithEpochMillisecondsInEuroPerMegawattHourPicksTheArea() throws IOException {
        body = resource("nordpool-epoch-ms-2026-01-20.json");
        FetchedTariff tariff = tariff(new PriceFormat(false, "$.multiAreaEntries", "deliveryStart", "deliveryEnd",
                "entryPerArea['DE-LU']", PriceUnit.PER_MEGAWATT_HOUR, TimeFormat.EPOCH_MILLISECONDS, BERLIN,
                Duration.ofHours(1), ',', true), "EUR");
        tariff.refresh();
        List<PriceSlot> slots = tariff.forecast().slots();
        assertThat(slots).hasSize(12);
        assertThat(slots.get(0).start()).isEqualTo(Instant.parse("2026-01-19T23:00:00Z"));
        assertThat(slots.get(0).importPricePerKilowattHour()).isCloseTo(0.09245, within(1e-12));
        assertThat(slots.get(9).importPricePerKilowattHour()).isCloseTo(-0.01201, within(1e-12));
    }

    @Test
    void anArrayOfPairsInEpochSecondsWithoutEndsEndsEachSlotAtTheNextOrAfterTheSlotLength() {
        body = "[[1774738800, 0.2431], [1774742400, \"0.2210\"], [1774749600, 0.1987]]";
        FetchedTariff tariff = tariff(new PriceFormat(false, "$", "[0]", "", "[1]", PriceUnit.PER_KILOWATT_HOUR,
                TimeFormat.EPOCH_SECONDS, BERLIN, Duration.ofHours(1), ',', true), "EUR");
        tariff.refresh();
        List<PriceSlot> slots = tariff.forecast().slots();
        assertThat(slots).extracting(PriceSlot::end).containsExactly(Instant.ofEpochSecond(1774742400),
                Instant.ofEpochSecond(1774746000), Instant.ofEpochSecond(1774753200)); // a gap: no price 02:00-03:00
        assertThat(slots).extracting(PriceSlot::importPricePerKilowattHour).containsExactly(0.2431, 0.2210, 0.1987);
    }

    @Test
    void aGermanCsvWithLocalTimesOnTheDayTheClocksGoBackHasTheHourOfTwoOClockTwice() throws IOException {
        clock.set(Instant.parse("2026-10-24T22:30:00Z"));
        body = resource("prices-local-2026-10-25.csv");
        FetchedTariff tariff = tariff(csvFormat(), "EUR");
        tariff.refresh();
        PriceForecast forecast = tariff.forecast();
        assertThat(forecast.problem()).isEmpty();
        assertThat(forecast.slots()).hasSize(25);
        assertThat(forecast.slots().get(0).start()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        // 02:00 CEST (00:00 UTC) and then 02:00 CET (01:00 UTC), each an hour
        assertThat(forecast.slotAt(Instant.parse("2026-10-25T00:30:00Z")).orElseThrow().importPricePerKilowattHour())
                .isCloseTo(0.2350, within(1e-12));
        assertThat(forecast.slotAt(Instant.parse("2026-10-25T01:30:00Z")).orElseThrow().importPricePerKilowattHour())
                .isCloseTo(0.3075, within(1e-12));
        assertThat(forecast.slots().get(24).end()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    }

    @Test
    void aCsvWithoutHeaderTakesColumnsByIndex() {
        body = "2026-01-20T00:00:00+01:00,2026-01-20T01:00:00+01:00,85.2\n"
                + "2026-01-20T01:00:00+01:00,2026-01-20T02:00:00+01:00,80.9\n";
        FetchedTariff tariff = tariff(new PriceFormat(true, "", "0", "1", "2", PriceUnit.PER_MEGAWATT_HOUR,
                TimeFormat.ISO_OFFSET, BERLIN, Duration.ofHours(1), ',', false), "EUR");
        tariff.refresh();
        assertThat(tariff.forecast().slots()).extracting(PriceSlot::importPricePerKilowattHour)
                .containsExactly(0.0852, 0.0809);
    }

    @Test
    void badAnswersKeepTheLastGoodForecastAndSayWhyWithoutTheKey() throws IOException {
        body = resource("supplier-ct-2026-03-29.json");
        FetchedTariff tariff = tariff(supplierFormat(), "EUR");
        tariff.refresh();
        List<PriceSlot> good = tariff.forecast().slots();
        assertThat(good).hasSize(23);

        body = "{\"data\":[{\"start\":\"2026-03-29T00:00:00+01:00\",\"end\":\"2026-03-29T01:00:00+01:00\",";
        assertProblem(tariff, good, "127.0.0.1: the answer is not JSON");
        body = "";
        assertProblem(tariff, good, "127.0.0.1: an empty answer");
        body = "{\"data\":[]}";
        assertProblem(tariff, good, "127.0.0.1: the answer has no slots at '$.data[*]'");
        body = "{\"error\":\"maintenance\"}";
        assertProblem(tariff, good, "127.0.0.1: the answer has no slots at '$.data[*]'");
        body = "{\"data\":[{\"start\":\"2026-03-29T00:00:00+01:00\",\"end\":\"2026-03-29T01:00:00+01:00\","
                + "\"price\":\"n/a\"}]}";
        assertProblem(tariff, good, "127.0.0.1: slot 0: the price 'n/a' is not a number");
        body = "{\"data\":[{\"start\":\"2026-03-29 00:00\",\"end\":\"2026-03-29T01:00:00+01:00\",\"price\":1}]}";
        assertProblem(tariff, good, "127.0.0.1: slot 0: '2026-03-29 00:00' is not a time in the format ISO_OFFSET "
                + "(a date and time with an offset such as +01:00 or Z)");
        body = "{\"data\":[{\"end\":\"2026-03-29T01:00:00+01:00\",\"price\":1}]}";
        assertProblem(tariff, good, "127.0.0.1: slot 0 has no value at 'start'");
        body = "{\"data\":[{\"start\":\"2026-03-29T01:00:00+01:00\",\"end\":\"2026-03-29T00:00:00+01:00\","
                + "\"price\":1}]}";
        assertProblem(tariff, good, "127.0.0.1: slot 0 ends at 2026-03-28T23:00:00Z, not after it starts "
                + "(2026-03-29T00:00:00Z)");
        body = "{\"data\":[{\"start\":\"2026-03-29T00:00:00+01:00\",\"end\":\"2026-03-29T02:00:00+01:00\",\"price\":1},"
                + "{\"start\":\"2026-03-29T01:00:00+01:00\",\"end\":\"2026-03-29T03:00:00+02:00\",\"price\":1}]}";
        assertProblem(tariff, good, "127.0.0.1: slot 1 (2026-03-29T00:00:00Z) and the slot before overlap");

        body = resource("supplier-ct-2026-03-29.json");
        status = 500;
        assertProblem(tariff, good, "127.0.0.1: HTTP 500");
        status = 401;
        assertProblem(tariff, good, "127.0.0.1: HTTP 401: the token or password was refused");
        status = 200;

        holdAnswer = new CountDownLatch(1);
        assertProblem(tariff, good, "127.0.0.1: no answer in time");
        holdAnswer.countDown();
        holdAnswer = null;

        server.stop(0);
        tariff.refresh();
        assertThat(tariff.forecast().slots()).isEqualTo(good);
        assertThat(tariff.forecast().problem()).startsWith("127.0.0.1: ").doesNotContain("s3cr3t");
    }

    private static void assertProblem(FetchedTariff tariff, List<PriceSlot> good, String problem) {
        tariff.refresh();
        assertThat(tariff.forecast().problem()).isEqualTo(problem).doesNotContain("s3cr3t");
        assertThat(tariff.forecast().slots()).isEqualTo(good);
    }

    @Test
    void aLocalTimeInTheSkippedHourIsRefusedAndTheGoodForecastKept() throws IOException {
        body = resource("prices-local-2026-10-25.csv");
        FetchedTariff tariff = tariff(csvFormat(), "EUR");
        tariff.refresh();
        List<PriceSlot> good = tariff.forecast().slots();
        body = "Beginn;Preis (ct/kWh)\n2026-03-29 01:00;20,1\n2026-03-29 02:00;19,8\n2026-03-29 03:00;19,5\n";
        assertProblem(tariff, good, "127.0.0.1: line 3: '2026-03-29T02:00' does not exist in Europe/Berlin (the "
                + "clocks go forward then)");
        body = "Start;Preis\n2026-03-29 01:00;20,1\n";
        assertProblem(tariff, good, "127.0.0.1: the header [Start, Preis] has no column 'Beginn'");
        body = "Beginn;Preis (ct/kWh)\n2026-03-29 01:00\n";
        assertProblem(tariff, good, "127.0.0.1: line 2 has no value in column 1");
    }

    @Test
    void aRestartWithoutNetworkStartsWithTheCachedForecast() throws IOException {
        body = resource("nordpool-epoch-ms-2026-01-20.json");
        PriceFormat format = new PriceFormat(false, "$.multiAreaEntries[*]", "deliveryStart", "deliveryEnd",
                "entryPerArea.AT", PriceUnit.PER_MEGAWATT_HOUR, TimeFormat.EPOCH_MILLISECONDS, BERLIN,
                Duration.ofHours(1), ',', true);
        tariff(format, "EUR").refresh();
        server.stop(0);
        FetchedTariff restarted = tariff(format, "EUR");
        assertThat(restarted.forecast().slots()).hasSize(12);
        assertThat(restarted.forecast().slots().get(0).importPricePerKilowattHour()).isCloseTo(0.09655,
                within(1e-12));
        restarted.refresh();
        assertThat(restarted.forecast().slots()).hasSize(12);
        assertThat(restarted.forecast().problem()).startsWith("127.0.0.1: ");
    }
}
