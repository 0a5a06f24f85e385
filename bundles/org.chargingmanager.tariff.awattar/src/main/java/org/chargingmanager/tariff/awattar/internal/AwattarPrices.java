package org.chargingmanager.tariff.awattar.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chargingmanager.api.tariff.PriceSlot;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads aWATTar's market data answer
 * ({@code {"object":"list","data":[{"start_timestamp":ms,"end_timestamp":ms,"marketprice":28.98,"unit":"Eur/MWh"}]}})
 * into price slots per kWh: pure.
 */
final class AwattarPrices {

    private AwattarPrices() {
    }

    /**
     * @param chargesPerKilowattHour added to the market price before VAT
     * @param vatPercent applied to market price plus charges
     * @throws IllegalArgumentException naming what is wrong with the answer
     */
    static List<PriceSlot> parse(String body, double chargesPerKilowattHour, double vatPercent) {
        JsonElement root;
        try {
            root = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the answer is not JSON");
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("data")
                || !root.getAsJsonObject().get("data").isJsonArray()) {
            throw new IllegalArgumentException("the answer has no list 'data'");
        }
        JsonArray data = root.getAsJsonObject().getAsJsonArray("data");
        List<PriceSlot> slots = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            slots.add(slot(data.get(i), i, chargesPerKilowattHour, vatPercent));
        }
        slots.sort(java.util.Comparator.comparing(PriceSlot::start));
        for (int i = 1; i < slots.size(); i++) {
            if (slots.get(i).start().isBefore(slots.get(i - 1).end())) {
                throw new IllegalArgumentException("the prices of " + slots.get(i - 1).start() + " and "
                        + slots.get(i).start() + " overlap");
            }
        }
        return slots;
    }

    private static PriceSlot slot(JsonElement element, int index, double charges, double vatPercent) {
        if (!element.isJsonObject()) {
            throw new IllegalArgumentException("entry " + index + " of 'data' is not an object");
        }
        JsonObject entry = element.getAsJsonObject();
        Instant start = Instant.ofEpochMilli(number(entry, "start_timestamp", index).longValue());
        Instant end = Instant.ofEpochMilli(number(entry, "end_timestamp", index).longValue());
        double marketPrice = number(entry, "marketprice", index).doubleValue();
        String unit = entry.has("unit") && entry.get("unit").isJsonPrimitive() ? entry.get("unit").getAsString()
                : "Eur/MWh";
        double perKilowattHour = switch (unit.toLowerCase(Locale.ROOT)) {
            case "eur/mwh" -> marketPrice / 1000;
            case "eur/kwh" -> marketPrice;
            default -> throw new IllegalArgumentException("entry " + index + ": unknown unit '" + unit + "'");
        };
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("entry " + index + " ends before it starts");
        }
        double price = (perKilowattHour + charges) * (1 + vatPercent / 100);
        return PriceSlot.importOnly(start, end, price);
    }

    private static Number number(JsonObject entry, String name, int index) {
        JsonElement value = entry.get(name);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException("entry " + index + " has no number '" + name + "'");
        }
        double number = value.getAsDouble();
        if (!Double.isFinite(number)) {
            throw new IllegalArgumentException("entry " + index + ": '" + name + "' is not a finite number");
        }
        return value.getAsNumber();
    }
}
