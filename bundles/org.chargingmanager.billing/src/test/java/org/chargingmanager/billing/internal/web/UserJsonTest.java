package org.chargingmanager.billing.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.chargingmanager.api.billing.User;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonParser;

class UserJsonTest {

    private static User parse(String json, String pathId) throws BadParameterException {
        return UserJson.user(JsonParser.parseString(json), pathId);
    }

    private static void rejects(String json, String pathId, String field) {
        assertThatThrownBy(() -> parse(json, pathId)).isInstanceOf(BadParameterException.class)
                .satisfies(e -> assertThat(((BadParameterException) e).parameter()).isEqualTo(field));
    }

    @Test
    void everyFieldRoundTrips() throws Exception {
        User user = parse("{\"id\":\"alice\",\"name\":\"Alice\",\"rfidTags\":[\"04A1\",\"04B2\"],\"pins\":[\"1234\"],"
                + "\"allowedEvseIds\":[\"garage-1\"],\"priority\":2,\"expiry\":\"2027-12-31T23:59:59+01:00\","
                + "\"blocked\":true}", null);
        assertThat(user).isEqualTo(new User("alice", "Alice", List.of("04A1", "04B2"), List.of("1234"),
                Set.of("garage-1"), 2, Instant.parse("2027-12-31T22:59:59Z"), true));
        assertThat(parse(UserJson.json(user).toString(), "alice")).isEqualTo(user);
        assertThat(UserJson.json(user).get("expiry").getAsString()).isEqualTo("2027-12-31T22:59:59Z");
    }

    @Test
    void defaultsAndIdFromPath() throws Exception {
        assertThat(parse("{}", "bob")).isEqualTo(new User("bob", "", List.of(), List.of(), Set.of(), 0, null, false));
        assertThat(UserJson.json(parse("{}", "bob")).get("expiry").isJsonNull()).isTrue();
    }

    @Test
    void badInputNamesTheField() {
        rejects("{\"name\":\"x\"}", null, "id");
        rejects("{\"id\":\"a\"}", "b", "id");
        rejects("{\"id\":\"a/b\"}", null, "id");
        rejects("{\"id\":\"a\",\"nmae\":\"x\"}", null, "nmae");
        rejects("{\"id\":\"a\",\"name\":5}", null, "name");
        rejects("{\"id\":\"a\",\"rfidTags\":\"04A1\"}", null, "rfidTags");
        rejects("{\"id\":\"a\",\"pins\":[\"\"]}", null, "pins");
        rejects("{\"id\":\"a\",\"allowedEvseIds\":[1]}", null, "allowedEvseIds");
        rejects("{\"id\":\"a\",\"priority\":1.5}", null, "priority");
        rejects("{\"id\":\"a\",\"priority\":\"high\"}", null, "priority");
        rejects("{\"id\":\"a\",\"expiry\":\"2027-12-31\"}", null, "expiry");
        rejects("{\"id\":\"a\",\"blocked\":\"yes\"}", null, "blocked");
        rejects("{\"id\":\"a\",\"rfidTags\":[\"04a1\"],\"pins\":[\"04A1\"]}", null, "pins");
        rejects("[]", null, null);
    }
}
