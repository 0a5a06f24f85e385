package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.billing.User;
import org.chargingmanager.ocpp.server.LocalListSynchronization;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/** The user directory as a charger's local authorization list, over a real WebSocket. */
class LocalListSyncTest {

    @TempDir
    static Path data;
    static TestSite site;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data);
        site.users.add(new User("alice", "Alice", List.of("RFID-ALICE"), List.of("1234"), Set.of(), 0, null, false));
        site.users.add(new User("bob", "Bob", List.of("RFID-BOB"), List.of(), Set.of(), 0, null, false));
        site.users.add(new User("carol", "Carol", List.of("RFID-CAROL"), List.of(), Set.of(), 0, null, true));
        site.users.add(new User("dave", "Dave", List.of("RFID-DAVE"), List.of(), Set.of(), 0, null, false));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void theListIsSentAsFullUpdateSplitAsTheChargerRequires() throws Exception {
        List<JsonObject> updates = new CopyOnWriteArrayList<>();
        try (RawCharger charger = RawCharger.booted(site, "LL-1")) {
            charger.answerer = call -> switch (call.get(2).getAsString()) {
                case "GetConfiguration" -> configuration(call, "true", "10", "2");
                case "GetLocalListVersion" -> "{\"listVersion\":4}";
                case "SendLocalList" -> {
                    updates.add(call.get(3).getAsJsonObject());
                    yield "{\"status\":\"Accepted\"}";
                }
                default -> "{}";
            };

            LocalListSynchronization result = site.server.synchronizeLocalList("LL-1").toCompletableFuture()
                    .get(10, TimeUnit.SECONDS);

            assertThat(result).isEqualTo(new LocalListSynchronization(7, 5, 3, 0));
            assertThat(updates).extracting(update -> update.get("listVersion").getAsInt()).containsExactly(5, 6, 7);
            assertThat(updates).extracting(update -> update.get("updateType").getAsString())
                    .containsExactly("Full", "Differential", "Differential");
            assertThat(updates.get(0).getAsJsonArray("localAuthorizationList").toString())
                    .isEqualTo("[{\"idTag\":\"1234\",\"idTagInfo\":{\"status\":\"Accepted\"}},"
                            + "{\"idTag\":\"RFID-ALICE\",\"idTagInfo\":{\"status\":\"Accepted\"}}]");
            assertThat(updates.get(1).getAsJsonArray("localAuthorizationList").toString())
                    .contains("\"RFID-CAROL\",\"idTagInfo\":{\"status\":\"Blocked\"}");
        }
    }

    @Test
    void aChargerWithTheLocalListSwitchedOffOrTooSmallIsNotSentIt() throws Exception {
        try (RawCharger charger = RawCharger.booted(site, "LL-2")) {
            charger.answerer = call -> call.get(2).getAsString().equals("GetConfiguration")
                    ? configuration(call, "false", "10", "10") : "{\"status\":\"Accepted\"}";
            assertRefused("LL-2", "LocalAuthListEnabled=false");

            charger.answerer = call -> call.get(2).getAsString().equals("GetConfiguration")
                    ? configuration(call, "true", "3", "3") : "{\"status\":\"Accepted\"}";
            assertRefused("LL-2", "5 ID tags, but the charge point holds at most 3");

            charger.answerer = call -> switch (call.get(2).getAsString()) {
                case "GetConfiguration" -> configuration(call, "true", "10", "10");
                case "GetLocalListVersion" -> "{\"listVersion\":0}";
                default -> "{\"status\":\"Failed\"}";
            };
            assertRefused("LL-2", "SendLocalList version 1 (Full): Failed");

            charger.answerer = call -> switch (call.get(2).getAsString()) {
                case "GetConfiguration" -> configuration(call, "true", "10", "10");
                default -> "{\"listVersion\":-1}";
            };
            assertRefused("LL-2", "does not support a local list");
        }
    }

    private static void assertRefused(String chargeBoxId, String reason) {
        assertThatThrownBy(() -> site.server.synchronizeLocalList(chargeBoxId).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).cause().isInstanceOf(OcppCallException.class)
                .hasMessageContaining(reason)
                .satisfies(failure -> assertThat(((OcppCallException) failure).errorCode()).isEqualTo("Refused"));
    }

    /** The answer to a GetConfiguration asking for the local-list keys (connect-time reads get them too). */
    private static String configuration(JsonArray call, String enabled, String maxLength, String perMessage) {
        return "{\"configurationKey\":[{\"key\":\"LocalAuthListEnabled\",\"readonly\":false,\"value\":\"" + enabled + "\"},"
                + "{\"key\":\"LocalAuthListMaxLength\",\"readonly\":true,\"value\":\"" + maxLength + "\"},"
                + "{\"key\":\"SendLocalListMaxLength\",\"readonly\":true,\"value\":\"" + perMessage + "\"}]}";
    }
}
