package org.chargingmanager.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.chargingmanager.testkit.MutableClock;

/** The topic logic alone, with a recording sink and a test clock. */
class HomieDeviceTest {

    private final List<String> sent = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final HomieDevice device = new HomieDevice("homie", "cm", "CM", (topic, payload) -> sent.add(topic + "=" + payload),
            clock, Duration.ofSeconds(1), null);

    private static SiteState state(double avail, boolean withMeter) {
        List<HomieNode> nodes = new ArrayList<>();
        nodes.add(new HomieNode("variables", "Variables", "variables",
                List.of(new HomieProperty("avail", "AVAIL", "float", "", "", true))));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("variables/avail", Payloads.number(avail, 6));
        if (withMeter) {
            nodes.add(new HomieNode("meter-pv", "PV", "meter-pv", List.of(HomieProperty.floating("power", "Power", "W"))));
            values.put("meter-pv/power", "1200");
        }
        return new SiteState(nodes, values, Map.of("avail", "AVAIL"));
    }

    @Test
    void publishAllStartsWithInitAndEndsWithReady() {
        device.publishAll(state(100, true));
        assertThat(sent.get(0)).isEqualTo("homie/cm/$state=init");
        assertThat(sent.get(sent.size() - 1)).isEqualTo("homie/cm/$state=ready");
        assertThat(sent).contains("homie/cm/$homie=4.0.0", "homie/cm/$name=CM", "homie/cm/$nodes=variables,meter-pv",
                "homie/cm/variables/$properties=avail", "homie/cm/variables/avail/$settable=true",
                "homie/cm/meter-pv/power/$unit=W", "homie/cm/variables/avail=100", "homie/cm/meter-pv/power=1200");
        // the description comes before the values
        assertThat(sent.indexOf("homie/cm/$nodes=variables,meter-pv")).isLessThan(sent.indexOf("homie/cm/variables/avail=100"));
    }

    @Test
    void updatesSendOnlyChangesAndNoValueMoreThanOnceASecond() {
        device.publishAll(state(100, true));
        sent.clear();
        device.update(state(100, true));
        assertThat(sent).isEmpty();

        device.update(state(50, true));
        assertThat(sent).as("less than a second after the last value").isEmpty();
        clock.advance(Duration.ofMillis(999));
        device.update(state(50, true));
        assertThat(sent).isEmpty();
        clock.advance(Duration.ofMillis(1));
        device.update(state(50, true));
        assertThat(sent).containsExactly("homie/cm/variables/avail=50");
    }

    @Test
    void aNodeThatGoesIsClearedAndNodesRepublished() {
        device.publishAll(state(100, true));
        sent.clear();
        device.update(state(100, false));
        assertThat(sent).contains("homie/cm/$nodes=variables", "homie/cm/meter-pv/$name=", "homie/cm/meter-pv/power=",
                "homie/cm/meter-pv/power/$datatype=");
        assertThat(device.retainedTopics()).noneMatch(topic -> topic.contains("meter-pv"));

        sent.clear();
        device.update(state(100, true));
        assertThat(sent).as("a node that comes back: described and its value at once").contains(
                "homie/cm/meter-pv/$name=PV", "homie/cm/$nodes=variables,meter-pv", "homie/cm/meter-pv/power=1200");
    }

    @Test
    void aRepublishClearsWhatWentAwayMeanwhile() {
        device.publishAll(state(100, true));
        sent.clear();
        device.publishAll(state(100, false));
        assertThat(sent).contains("homie/cm/meter-pv/power=", "homie/cm/meter-pv/$properties=");
        assertThat(sent.get(sent.size() - 1)).isEqualTo("homie/cm/$state=ready");
    }

    @Test
    void setTopics() {
        assertThat(device.setTopicFilter()).isEqualTo("homie/cm/variables/+/set");
        assertThat(device.settablePropertyOf("homie/cm/variables/avail/set")).isEqualTo("avail");
        assertThat(device.settablePropertyOf("homie/cm/variables/AVAIL/set")).isNull();
        assertThat(device.settablePropertyOf("homie/cm/grid/power/set")).isNull();
        assertThat(device.settablePropertyOf("homie/cm/variables/avail")).isNull();
    }
}
