package org.chargingmanager.tariff.tibber.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.chargingmanager.api.tariff.PriceSlot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads Tibber's answer to the price query
 * ({@code {"data":{"viewer":{"homes":[{"id":..,"currentSubscription":{"priceInfo":{"today":[..],"tomorrow":[..]}}}]}}}},
 * each price {@code {"total":0.2456,"energy":0.0812,"tax":0.1644,"startsAt":"2025-12-06T14:00:00.000+01:00"}})
 * into price slots: pure. A slot ends where the next one starts, the last one after the resolution.
 */
final class TibberPrices {

    private TibberPrices() {
    }

    /** The GraphQL query for the prices of today and tomorrow. */
    static String query(String resolution) {
        String body = "{viewer{homes{id currentSubscription{priceInfo(resolution: " + resolution + "){"
                + "today{total energy tax startsAt currency} tomorrow{total energy tax startsAt currency}}}}}}";
        JsonObject request = new JsonObject();
        request.addProperty("query", body);
        return request.toString();
    }

    /**
     * @param homeId the home to take, or empty for the first with a subscription
     * @throws IllegalArgumentException naming what is wrong (including Tibber's own error messages)
     */
    static List<PriceSlot> parse(String answer, String homeId, Duration resolution) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(answer);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("the answer is not a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the answer is not JSON");
        }
        if (root.has("errors") && root.get("errors").isJsonArray() && !root.getAsJsonArray("errors").isEmpty()) {
            JsonElement first = root.getAsJsonArray("errors").get(0);
            String message = first.isJsonObject() && first.getAsJsonObject().has("message")
                    ? first.getAsJsonObject().get("message").getAsString() : first.toString();
            throw new IllegalArgumentException("Tibber answered with an error: " + message);
        }
        JsonArray homes = array(object(object(root, "data"), "viewer"), "homes");
        for (JsonElement home : homes) {
            if (!home.isJsonObject()) {
                continue;
            }
            JsonObject candidate = home.getAsJsonObject();
            String id = candidate.has("id") && candidate.get("id").isJsonPrimitive() ? candidate.get("id").getAsString() : "";
            JsonElement subscription = candidate.get("currentSubscription");
            if (!homeId.isBlank() && !homeId.equals(id) || subscription == null || !subscription.isJsonObject()) {
                continue;
            }
            JsonObject priceInfo = object(subscription.getAsJsonObject(), "priceInfo");
            List<JsonObject> entries = new ArrayList<>();
            for (String day : new String[] { "today", "tomorrow" }) {
                JsonElement list = priceInfo.get(day);
                if (list != null && list.isJsonArray()) {
                    for (JsonElement entry : list.getAsJsonArray()) {
                        if (!entry.isJsonObject()) {
                            throw new IllegalArgumentException("a price of " + day + " is not an object");
                        }
                        entries.add(entry.getAsJsonObject());
                    }
                }
            }
            return slots(entries, resolution);
        }
        throw new IllegalArgumentException(homeId.isBlank() ? "no home with a contract in the account"
                : "no home '" + homeId + "' with a contract in the account");
    }

    private static List<PriceSlot> slots(List<JsonObject> entries, Duration resolution) {
        List<JsonObject> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(TibberPrices::start));
        List<PriceSlot> slots = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Instant start = start(sorted.get(i));
            Instant next = i + 1 < sorted.size() ? start(sorted.get(i + 1)) : start.plus(resolution);
            if (!next.isAfter(start)) {
                throw new IllegalArgumentException("two prices start at " + start);
            }
            Instant end = next.isAfter(start.plus(resolution)) ? start.plus(resolution) : next; // a gap: unknown
            slots.add(PriceSlot.importOnly(start, end, number(sorted.get(i), "total", start)));
        }
        return slots;
    }

    private static Instant start(JsonObject entry) {
        JsonElement value = entry.get("startsAt");
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException("a price has no 'startsAt'");
        }
        try {
            return OffsetDateTime.parse(value.getAsString()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + value.getAsString() + "' is not a time with an offset");
        }
    }

    private static double number(JsonObject entry, String name, Instant start) {
        JsonElement value = entry.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                || !Double.isFinite(value.getAsDouble())) {
            throw new IllegalArgumentException("the price of " + start + " has no number '" + name + "'");
        }
        return value.getAsDouble();
    }

    private static JsonObject object(JsonObject parent, String name) {
        JsonElement value = parent.get(name);
        if (value == null || !value.isJsonObject()) {
            throw new IllegalArgumentException("the answer has no object '" + name + "'");
        }
        return value.getAsJsonObject();
    }

    private static JsonArray array(JsonObject parent, String name) {
        JsonElement value = parent.get(name);
        if (value == null || !value.isJsonArray()) {
            throw new IllegalArgumentException("the answer has no list '" + name + "'");
        }
        return value.getAsJsonArray();
    }
}
