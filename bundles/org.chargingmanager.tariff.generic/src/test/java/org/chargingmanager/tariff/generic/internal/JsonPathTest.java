package org.chargingmanager.tariff.generic.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

/** The JSONPath subset and the checks of a configured format. */
class JsonPathTest {

    private static final JsonElement ANSWER = JsonParser.parseString("{\"a\":{\"b\":[{\"x\":1},{\"x\":2},{\"x\":3}]},"
            + "\"c.d\":5,\"e\":{\"k1\":10,\"k2\":20}}");

    private static String selected(String path) {
        return JsonPath.parse(path).select(ANSWER).toString();
    }

    @Test
    void namesIndexesWildcardsAndQuotedNames() {
        assertThat(selected("$.a.b[*].x")).isEqualTo("[1, 2, 3]");
        assertThat(selected("a.b[1].x")).isEqualTo("[2]");
        assertThat(selected("$.a.b[-1]")).isEqualTo("[{\"x\":3}]");
        assertThat(selected("$['c.d']")).isEqualTo("[5]");
        assertThat(selected("$[\"a\"]['b'][0].x")).isEqualTo("[1]");
        assertThat(selected("$.e.*")).isEqualTo("[10, 20]");
        assertThat(selected("$")).isEqualTo("[" + ANSWER + "]");
        assertThat(selected("$.a.missing")).isEqualTo("[]");
        assertThat(selected("$.a.b[7]")).isEqualTo("[]");
        assertThat(JsonPath.parse("$.a.b[*]").hasWildcard()).isTrue();
        assertThat(JsonPath.parse("$.a.b").hasWildcard()).isFalse();
    }

    @Test
    void aFieldReachesOneValueOrNone() {
        assertThat(JsonPath.parse("a.b[0].x").single(ANSWER).getAsInt()).isEqualTo(1);
        assertThat(JsonPath.parse("nothing").single(ANSWER)).isNull();
        assertThatThrownBy(() -> JsonPath.parse("a.b[*].x").single(ANSWER))
                .hasMessage("'a.b[*].x' reaches 3 values, not one");
    }

    @Test
    void whatIsNotInTheSubsetIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> JsonPath.parse("$.data[?(@.price > 0)]")).hasMessageContaining("only [n], [*] and "
                + "['name'] are supported");
        assertThatThrownBy(() -> JsonPath.parse("$..price")).hasMessage("the path '$..price' has an empty name at 2");
        assertThatThrownBy(() -> JsonPath.parse("$.data[")).hasMessageContaining("unclosed or empty [");
        assertThatThrownBy(() -> JsonPath.parse("$.data[0:2]")).hasMessageContaining("'[0:2]'");
    }

    @Test
    void aFormatThatCannotWorkIsRefusedWhenConfigured() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        assertThatThrownBy(() -> new PriceFormat(true, "", "Beginn", "", "Preis", PriceUnit.PER_KILOWATT_HOUR,
                TimeFormat.LOCAL, zone, Duration.ofHours(1), ';', false))
                .hasMessage("a CSV without a header names its columns by index (0, 1, ...)");
        assertThatThrownBy(() -> new PriceFormat(false, "$.data[", "start", "", "price", PriceUnit.PER_KILOWATT_HOUR,
                TimeFormat.LOCAL, zone, Duration.ofHours(1), ',', true)).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> new PriceFormat(false, "$.data[*]", "start", "", " ", PriceUnit.PER_KILOWATT_HOUR,
                TimeFormat.LOCAL, zone, Duration.ofHours(1), ',', true)).hasMessageContaining("must be named");
    }

    @Test
    void timeFormats() {
        ZoneId zone = ZoneId.of("Europe/Berlin");
        assertThat(TimeFormat.EPOCH_SECONDS.parse("1774738800", zone, null)).hasToString("2026-03-28T23:00:00Z");
        assertThat(TimeFormat.EPOCH_MILLISECONDS.parse("1774738800000", zone, null)).hasToString("2026-03-28T23:00:00Z");
        assertThat(TimeFormat.ISO_OFFSET.parse("2026-03-29T03:00:00+02:00", zone, null)).hasToString("2026-03-29T01:00:00Z");
        assertThat(TimeFormat.ISO_OFFSET.parse("2026-03-29T01:00:00Z", zone, null)).hasToString("2026-03-29T01:00:00Z");
        assertThat(TimeFormat.LOCAL.parse("2026-10-25 02:00", zone, null)).hasToString("2026-10-25T00:00:00Z");
        assertThat(TimeFormat.LOCAL.parse("2026-10-25 02:00", zone, java.time.Instant.parse("2026-10-25T00:00:00Z")))
                .hasToString("2026-10-25T01:00:00Z");
        assertThatThrownBy(() -> TimeFormat.EPOCH_SECONDS.parse("2026-01-01", zone, null))
                .hasMessage("'2026-01-01' is not a whole number of seconds since 1970");
        assertThatThrownBy(() -> TimeFormat.EPOCH_MILLISECONDS.parse("1.5", zone, null))
                .hasMessage("'1.5' is not a whole number of milliseconds since 1970");
    }
}
