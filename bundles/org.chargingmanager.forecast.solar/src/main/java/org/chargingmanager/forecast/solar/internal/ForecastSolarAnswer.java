package org.chargingmanager.forecast.solar.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.chargingmanager.api.plan.SolarSlot;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads an answer of Forecast.Solar's estimate API: {@code result.watt_hours_period} maps local
 * times (in {@code message.info.timezone}) to the energy of the period that ends there; each
 * period becomes one slot with its mean power. A pure function of the text.
 */
final class ForecastSolarAnswer {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ForecastSolarAnswer() {
    }

    /**
     * @throws IllegalArgumentException with a message for the log if the text is not such an answer
     */
    static List<SolarSlot> parse(String text) {
        JsonObject root;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                throw new IllegalArgumentException("the answer is not a JSON object");
            }
            root = parsed.getAsJsonObject();
        } catch (JsonParseException | StackOverflowError e) {
            throw new IllegalArgumentException("the answer is not JSON");
        }
        JsonObject message = object(root, "message");
        if (message != null && message.has("type") && "error".equals(message.get("type").getAsString())) {
            throw new IllegalArgumentException("the service says: " + (message.has("text")
                    ? message.get("text").getAsString() : "error"));
        }
        ZoneId zone = zone(message);
        JsonObject result = object(root, "result");
        JsonObject periods = result == null ? null : object(result, "watt_hours_period");
        if (periods == null) {
            throw new IllegalArgumentException("the answer has no result.watt_hours_period");
        }
        Map<Instant, Double> energyByEnd = new TreeMap<>();
        for (Map.Entry<String, JsonElement> entry : periods.entrySet()) {
            Instant end;
            try {
                end = LocalDateTime.parse(entry.getKey(), LOCAL).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("'" + entry.getKey() + "' is not a time (yyyy-MM-dd HH:mm:ss)");
            }
            double wattHours;
            try {
                wattHours = entry.getValue().getAsDouble();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the energy at " + entry.getKey() + " is not a number");
            }
            if (!Double.isFinite(wattHours) || wattHours < 0) {
                throw new IllegalArgumentException("the energy at " + entry.getKey() + " is " + wattHours);
            }
            energyByEnd.put(end, wattHours);
        }
        List<SolarSlot> slots = new ArrayList<>();
        Instant start = null;
        for (Map.Entry<Instant, Double> period : energyByEnd.entrySet()) {
            if (start != null && period.getKey().isAfter(start)) {
                double hours = (period.getKey().toEpochMilli() - start.toEpochMilli()) / 3_600_000.0;
                slots.add(new SolarSlot(start, period.getKey(), period.getValue() / hours));
            }
            start = period.getKey();
        }
        return slots;
    }

    private static ZoneId zone(JsonObject message) {
        JsonObject info = message == null ? null : object(message, "info");
        if (info == null || !info.has("timezone")) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(info.get("timezone").getAsString());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("unknown time zone '" + info.get("timezone") + "'");
        }
    }

    private static JsonObject object(JsonObject parent, String name) {
        JsonElement element = parent.get(name);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : null;
    }
}
