package org.chargingmanager.billing.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.chargingmanager.api.billing.TransactionQuery;
import org.junit.jupiter.api.Test;

class ParametersTest {

    private static final Set<String> ALLOWED = Set.of("from", "to", "evse", "user", "limit");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Parameters parameters(Map<String, String[]> values) throws BadParameterException {
        return new Parameters(values, ALLOWED, BERLIN);
    }

    @Test
    void filtersWithDatesAndTimes() throws Exception {
        TransactionQuery query = parameters(Map.of("from", new String[] { "2025-01-01" }, "to",
                new String[] { "2025-02-01T00:00:00Z" }, "evse", new String[] { "garage-1" }, "user",
                new String[] { "alice" })).query(5, 10);
        assertThat(query).isEqualTo(new TransactionQuery(Instant.parse("2024-12-31T23:00:00Z"),
                Instant.parse("2025-02-01T00:00:00Z"), "garage-1", "alice", 5, 10));
        assertThat(parameters(Map.of()).query(0, 0)).isEqualTo(TransactionQuery.ALL);
    }

    @Test
    void badParametersAreNamed() {
        assertThatThrownBy(() -> parameters(Map.of("from", new String[] { "yesterday" })).query(0, 0))
                .isInstanceOf(BadParameterException.class).extracting("parameter").isEqualTo("from");
        assertThatThrownBy(() -> parameters(Map.of("to", new String[] { "2025-13-01" })).query(0, 0))
                .extracting("parameter").isEqualTo("to");
        assertThatThrownBy(() -> parameters(Map.of("from", new String[] { "2025-02-01" }, "to",
                new String[] { "2025-01-01" })).query(0, 0)).extracting("parameter").isEqualTo("to");
        assertThatThrownBy(() -> parameters(Map.of("evseId", new String[] { "x" })))
                .extracting("parameter").isEqualTo("evseId");
        assertThatThrownBy(() -> parameters(Map.of("evse", new String[] { "a", "b" })))
                .extracting("parameter").isEqualTo("evse");
        assertThatThrownBy(() -> parameters(Map.of("evse", new String[] { " " })).query(0, 0))
                .extracting("parameter").isEqualTo("evse");
        assertThatThrownBy(() -> parameters(Map.of("limit", new String[] { "0" })).number("limit", 100, 1, 1000))
                .extracting("parameter").isEqualTo("limit");
        assertThatThrownBy(() -> parameters(Map.of("limit", new String[] { "ten" })).number("limit", 100, 1, 1000))
                .extracting("parameter").isEqualTo("limit");
    }
}
