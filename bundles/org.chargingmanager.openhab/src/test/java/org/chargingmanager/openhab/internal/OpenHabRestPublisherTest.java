package org.chargingmanager.openhab.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The component with its own thread: started, told of a change, stopped. */
class OpenHabRestPublisherTest {

    private static final String TOKEN = "component-t0ken";

    private final RecordingLogger log = new RecordingLogger();
    private final FakeVariables variables = new FakeVariables().value("AVAIL", 100);
    private FakeOpenHab openHab;
    private OpenHabRestPublisher publisher;

    @AfterEach
    void stop() {
        if (publisher != null) {
            publisher.deactivate();
        }
        if (openHab != null) {
            openHab.close();
        }
        assertThat(log.lines()).noneMatch(line -> line.message().contains(TOKEN));
    }

    @Test
    void sendsAtStartAndAtOnceWhenAVariableChanges() throws IOException, InterruptedException {
        openHab = new FakeOpenHab(TOKEN, "ChargingManager_AVAIL").start();
        // polling is slow here, so the second value can only come from the listener
        publisher = new OpenHabRestPublisher(variables, Configs.of(OpenHabRestConfig.class,
                Map.of("baseUrl", openHab.baseUri().toString(), "_apiToken", TOKEN, "pollMillis", 600_000L,
                        "minIntervalMillis", 0L)), Clock.systemUTC(), log.logger());

        assertThat(openHab.arrivals().poll(10, TimeUnit.SECONDS)).extracting(FakeOpenHab.Put::body).isEqualTo("100");
        assertThat(log.at("INFO", "sending variables to " + openHab.baseUri(), "with API token")).hasSize(1);

        variables.value("AVAIL", 30);
        publisher.variablesChanged(Set.of("AVAIL"));

        assertThat(openHab.arrivals().poll(10, TimeUnit.SECONDS)).extracting(FakeOpenHab.Put::body).isEqualTo("30");
    }

    @Test
    void aBadUrlIsOneClearErrorAndTheComponentStaysIdle() {
        publisher = new OpenHabRestPublisher(variables, Configs.of(OpenHabRestConfig.class,
                Map.of("baseUrl", "openhab.local:8080", "_apiToken", TOKEN)), Clock.systemUTC(), log.logger());

        assertThat(publisher.running()).isFalse();
        assertThat(log.at("ERROR")).hasSize(1);
        assertThat(log.at("ERROR", "nothing is sent", "openhab.local:8080", "http://", "org.chargingmanager.openhab"))
                .hasSize(1);
        publisher.variablesChanged(Set.of("AVAIL"));
    }

    @Test
    void badItemEntriesAreNamedAndTheGoodOnesUsed() throws IOException, InterruptedException {
        openHab = new FakeOpenHab(TOKEN, "CM_Avail").start();
        publisher = new OpenHabRestPublisher(variables, Configs.of(OpenHabRestConfig.class,
                Map.of("baseUrl", openHab.baseUri().toString(), "_apiToken", TOKEN, "itemPrefix", "",
                        "items", new String[] { "AVAIL=CM_Avail", "TARIF" })), Clock.systemUTC(), log.logger());

        assertThat(log.at("ERROR", "'TARIF' is not NAME=Item")).hasSize(1);
        assertThat(openHab.arrivals().poll(10, TimeUnit.SECONDS)).extracting(FakeOpenHab.Put::item).isEqualTo("CM_Avail");
    }
}
