package org.chargingmanager.openhab.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.chargingmanager.testkit.MutableClock;

/** The publisher against a protocol-level openHAB REST simulator; time is the test's clock. */
class ItemPusherTest {

    private static final String TOKEN = "oh.chargingmanager.s3cr3tT0ken";
    private static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final FakeVariables variables = new FakeVariables().value("TARIF", 0.25).value("AVAIL", 100);
    private final RecordingLogger log = new RecordingLogger();
    private FakeOpenHab openHab;

    @BeforeEach
    void startOpenHab() throws IOException {
        openHab = new FakeOpenHab(TOKEN, "CM_Tarif", "CM_Avail", "ChargingManager_TARIF", "ChargingManager_AVAIL")
                .start();
    }

    @AfterEach
    void stopOpenHab() {
        openHab.close();
        assertThat(log.lines()).noneMatch(line -> line.message().contains(TOKEN) || line.message().contains("bad-t0ken"));
    }

    private ItemPusher pusher(Map<String, Object> overrides) {
        Map<String, Object> config = new HashMap<>();
        config.put("baseUrl", openHab.baseUri().toString());
        config.put("_apiToken", TOKEN);
        config.put("items", new String[] { "TARIF=CM_Tarif", "AVAIL=CM_Avail" });
        config.put("itemPrefix", "");
        config.put("retryMaxMillis", 8000L);
        config.putAll(overrides);
        return new ItemPusher(variables, Settings.from(Configs.of(OpenHabRestConfig.class, config)), clock, log.logger());
    }

    private ItemPusher pusher() {
        return pusher(Map.of());
    }

    @Test
    void valuesArriveAsTextPlainWithTheToken() {
        pusher().cycle();

        assertThat(openHab.puts()).containsExactlyInAnyOrder(
                new FakeOpenHab.Put("CM_Tarif", "0.25", "text/plain; charset=UTF-8"),
                new FakeOpenHab.Put("CM_Avail", "100", "text/plain; charset=UTF-8"));
        assertThat(openHab.state("CM_Avail")).isEqualTo("100");
        assertThat(log.at("WARN")).isEmpty();
    }

    @Test
    void changesArriveAndUnchangedValuesAreNotSentAgain() {
        ItemPusher pusher = pusher();
        pusher.cycle();
        openHab.clear();

        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(1));
            pusher.cycle();
        }
        assertThat(openHab.requests()).isEmpty();

        variables.value("AVAIL", 60);
        clock.advance(Duration.ofSeconds(1));
        pusher.cycle();
        assertThat(openHab.puts()).extracting(FakeOpenHab.Put::item, FakeOpenHab.Put::body)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("CM_Avail", "60"));
    }

    @Test
    void oneItemIsUpdatedAtMostOncePerMinimumIntervalAndTheLatestValueWins() {
        ItemPusher pusher = pusher(Map.of("minIntervalMillis", 1000L, "pollMillis", 5000L));
        pusher.cycle();
        openHab.clear();

        clock.set(START.plusMillis(200));
        variables.value("AVAIL", 50);
        Instant wake = pusher.cycle();
        assertThat(wake).isEqualTo(START.plusMillis(1000));

        clock.set(START.plusMillis(400));
        variables.value("AVAIL", 40);
        pusher.cycle();
        assertThat(openHab.puts()).isEmpty();

        clock.set(START.plusMillis(1000));
        pusher.cycle();
        assertThat(openHab.bodiesFor("CM_Avail")).containsExactly("40");
        assertThat(openHab.bodiesFor("CM_Tarif")).isEmpty();
    }

    @Test
    void withoutItemsEveryVariableGoesToChargingManagerName() {
        pusher(Map.of("items", new String[0], "itemPrefix", "ChargingManager_")).cycle();

        assertThat(openHab.puts()).extracting(FakeOpenHab.Put::item)
                .containsExactlyInAnyOrder("ChargingManager_TARIF", "ChargingManager_AVAIL");
    }

    @Test
    void listedNamesAreCaseInsensitiveAndTheOthersUseThePrefix() {
        openHab.addItem("ChargingManager_GRID");
        variables.value("grid", 4200);

        pusher(Map.of("items", new String[] { " tarif = CM_Tarif , Avail=CM_Avail" }, "itemPrefix", "ChargingManager_"))
                .cycle();

        assertThat(openHab.puts()).extracting(FakeOpenHab.Put::item)
                .containsExactlyInAnyOrder("CM_Tarif", "CM_Avail", "ChargingManager_GRID");
    }

    @Test
    void aMissingItemIsReportedOnceAndTheOthersKeepGoing() {
        variables.value("GRID", 4200);
        ItemPusher pusher = pusher(Map.of("items", new String[] { "TARIF=CM_Tarif", "AVAIL=CM_Avail", "GRID=CM_Grid" }));

        pusher.cycle();
        assertThat(openHab.puts()).extracting(FakeOpenHab.Put::item).containsExactlyInAnyOrder("CM_Tarif", "CM_Avail");
        assertThat(log.at("WARN")).hasSize(1);
        assertThat(log.at("WARN", "CM_Grid", "HTTP 404", "Number CM_Grid", "GRID")).hasSize(1);

        for (int i = 1; i <= 20; i++) {
            variables.value("GRID", 4200 + i).value("AVAIL", 100 - i);
            clock.advance(Duration.ofSeconds(1));
            pusher.cycle();
        }
        assertThat(openHab.bodiesFor("CM_Avail")).hasSize(21).endsWith("80");
        assertThat(log.at("WARN")).hasSize(1);
        // tried again after the longest retry interval (8 s here), not every second
        assertThat(openHab.requests()).filteredOn(request -> request.contains("CM_Grid")).hasSize(3);

        openHab.addItem("CM_Grid");
        clock.advance(Duration.ofSeconds(8));
        pusher.cycle();
        assertThat(openHab.bodiesFor("CM_Grid")).containsExactly("4220");
        assertThat(log.at("INFO", "accepts the item 'CM_Grid'")).hasSize(1);
        assertThat(log.at("WARN")).hasSize(1);
    }

    @Test
    void aWrongTokenIsReportedOnceNeverLoggedAndNothingCrashes() {
        ItemPusher pusher = pusher(Map.of("_apiToken", "bad-t0ken"));

        for (int i = 0; i < 30; i++) {
            pusher.cycle();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(openHab.puts()).isEmpty();
        assertThat(log.at("WARN")).hasSize(1);
        assertThat(log.at("WARN", "refused the API token", "HTTP 401", ".apiToken", "org.chargingmanager.openhab"))
                .hasSize(1);
        assertThat(pusher.failure()).get().extracting(ItemPusher.Failure::kind)
                .isEqualTo(ItemPusher.FailureKind.UNAUTHORIZED);
        // back-off 1, 2, 4, 8, 8 s: attempts at 0, 1, 3, 7, 15 and 23 s, not 30
        assertThat(openHab.requests()).hasSize(6).allMatch(request -> request.endsWith(" 401"));
    }

    @Test
    void unreachableOpenHabIsReportedOnceBacksOffAndEverythingIsSentAgainWhenItIsBack() throws IOException {
        ItemPusher pusher = pusher();
        pusher.cycle();
        openHab.stop();
        openHab.clear();

        variables.value("AVAIL", 70);
        clock.advance(Duration.ofSeconds(1));
        Instant retry = pusher.cycle();
        assertThat(retry).isEqualTo(clock.instant().plusSeconds(1));
        assertThat(log.at("WARN", "is not reachable")).hasSize(1);

        // growing back-off up to the longest retry interval (8 s)
        List<Long> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.set(retry);
            Instant next = pusher.cycle();
            waits.add(Duration.between(retry, next).toSeconds());
            retry = next;
        }
        assertThat(waits).containsExactly(2L, 4L, 8L, 8L, 8L);
        assertThat(pusher.cycle()).isEqualTo(retry);
        assertThat(log.at("WARN")).hasSize(1);

        openHab.start();
        clock.set(retry);
        pusher.cycle();

        assertThat(openHab.puts()).extracting(FakeOpenHab.Put::item, FakeOpenHab.Put::body).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("CM_Tarif", "0.25"),
                org.assertj.core.groups.Tuple.tuple("CM_Avail", "70"));
        assertThat(log.at("INFO", "answers again")).hasSize(1);
        assertThat(pusher.failure()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        pusher.cycle();
        assertThat(openHab.puts()).hasSize(2);
    }

    @Test
    void anOpenHabRestartWithoutPersistenceIsSeenByTheCheckAndEverythingIsSentAgain() throws IOException {
        ItemPusher pusher = pusher(Map.of("checkMillis", 60_000L));
        pusher.cycle();
        openHab.restart(false);
        openHab.clear();

        clock.advance(Duration.ofSeconds(59));
        pusher.cycle();
        assertThat(openHab.requests()).isEmpty();

        clock.advance(Duration.ofSeconds(1));
        pusher.cycle();

        assertThat(openHab.requests().get(0)).startsWith("GET /rest/items/").endsWith(" 200");
        assertThat(openHab.puts()).extracting(FakeOpenHab.Put::item).containsExactlyInAnyOrder("CM_Tarif", "CM_Avail");
        assertThat(log.at("INFO", "sending every value again")).hasSize(1);
    }

    @Test
    void aRestartWithRestoredStatesNeedsNothingSentAgain() throws IOException {
        ItemPusher pusher = pusher(Map.of("checkMillis", 60_000L));
        pusher.cycle();
        openHab.restart(true);
        openHab.clear();

        clock.advance(Duration.ofSeconds(60));
        pusher.cycle();

        assertThat(openHab.requests()).hasSize(1).allMatch(request -> request.startsWith("GET "));
        assertThat(openHab.puts()).isEmpty();
    }

    @Test
    void nanIsSentAsUndefOrNotAtAll() {
        variables.value("AVAIL", Double.NaN);
        pusher().cycle();
        assertThat(openHab.bodiesFor("CM_Avail")).containsExactly("UNDEF");

        openHab.clear();
        variables.value("AVAIL", 80);
        ItemPusher keepLast = pusher(Map.of("nanAsUndef", false));
        keepLast.cycle();
        variables.value("AVAIL", Double.NaN);
        clock.advance(Duration.ofSeconds(2));
        keepLast.cycle();
        assertThat(openHab.bodiesFor("CM_Avail")).containsExactly("80");
        assertThat(openHab.state("CM_Avail")).isEqualTo("80");
    }

    @Test
    void anItemOfTheWrongTypeIsReportedOnceAndTheOthersKeepGoing() {
        openHab.addItem("CM_Charging", "Switch");
        variables.value("CHARGING", 1);
        ItemPusher pusher = pusher(Map.of("items", new String[] { "AVAIL=CM_Avail", "CHARGING=CM_Charging" }));

        pusher.cycle();
        variables.value("AVAIL", 90);
        clock.advance(Duration.ofSeconds(1));
        pusher.cycle();

        assertThat(openHab.bodiesFor("CM_Avail")).containsExactly("100", "90");
        assertThat(openHab.bodiesFor("CM_Charging")).isEmpty();
        assertThat(log.at("WARN")).hasSize(1);
        assertThat(log.at("WARN", "refused the value '1' for item 'CM_Charging'", "HTTP 400", "Number item")).hasSize(1);
    }

    @Test
    void anInterruptedRequestIsTheComponentStoppingNotAnOutage() {
        ItemPusher pusher = pusher();

        Thread.currentThread().interrupt();
        try {
            pusher.cycle();
        } finally {
            Thread.interrupted();
        }

        assertThat(log.at("WARN")).isEmpty();
        assertThat(pusher.failure()).isEmpty();
        pusher.cycle();
        assertThat(openHab.puts()).extracting(FakeOpenHab.Put::item).containsExactlyInAnyOrder("CM_Tarif", "CM_Avail");
    }
}
