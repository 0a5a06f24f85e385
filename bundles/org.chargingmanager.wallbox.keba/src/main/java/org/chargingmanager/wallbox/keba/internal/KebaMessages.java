package org.chargingmanager.wallbox.keba.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Parses what a box sends into a {@link KebaMessage}. Pure. Numbers may come as JSON numbers or strings (firmware
 * versions differ: {@code "ID": "2"}); a report without a field the driver needs is {@link KebaMessage.Garbage}.
 */
final class KebaMessages {

    private KebaMessages() {
    }

    static KebaMessage parse(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("TCH-OK")) {
            return new KebaMessage.Ack(true);
        }
        if (trimmed.startsWith("TCH-ERR")) {
            return new KebaMessage.Ack(false);
        }
        if (!trimmed.startsWith("{")) {
            return new KebaMessage.Garbage("not a report: " + excerpt(trimmed));
        }
        JsonObject json;
        try {
            JsonElement element = JsonParser.parseString(trimmed);
            if (!element.isJsonObject()) {
                return new KebaMessage.Garbage("not a JSON object: " + excerpt(trimmed));
            }
            json = element.getAsJsonObject();
        } catch (JsonParseException e) {
            return new KebaMessage.Garbage("not valid JSON: " + excerpt(trimmed));
        }
        try {
            if (!json.has("ID")) {
                Map<String, String> fields = new LinkedHashMap<>();
                json.entrySet().forEach(e -> fields.put(e.getKey(),
                        e.getValue().isJsonPrimitive() ? e.getValue().getAsString() : e.getValue().toString()));
                return new KebaMessage.Push(fields);
            }
            return switch (text(json, "ID")) {
                case "1" -> new KebaMessage.Identity(text(json, "Product"), text(json, "Serial"),
                        text(json, "Firmware"), number(json, "Sec"));
                case "2" -> new KebaMessage.Settings((int) number(json, "State"), (int) number(json, "Plug"),
                        number(json, "Enable sys") == 1, number(json, "Enable user") == 1,
                        (int) number(json, "Max curr"), (int) number(json, "Curr user"), (int) number(json, "Curr HW"),
                        (int) number(json, "Curr FS"), (int) number(json, "Tmo FS"), number(json, "Sec"),
                        optionalNumber(json, "X2 phaseSwitch source"), optionalNumber(json, "X2 phaseSwitch"));
                case "3" -> new KebaMessage.Measurements((int) number(json, "U1"), (int) number(json, "U2"),
                        (int) number(json, "U3"), (int) number(json, "I1"), (int) number(json, "I2"),
                        (int) number(json, "I3"), number(json, "P"), number(json, "E pres"), number(json, "E total"),
                        number(json, "Sec"));
                case "100" -> new KebaMessage.Session(tag(text(json, "RFID tag")));
                default -> new KebaMessage.Garbage("report " + excerpt(text(json, "ID")) + " was not asked for");
            };
        } catch (MissingField e) {
            return new KebaMessage.Garbage(e.getMessage());
        }
    }

    /** A field older firmware does not send: -1 when it is missing or not a number. */
    private static int optionalNumber(JsonObject json, String field) {
        try {
            return json.has(field) ? (int) number(json, field) : -1;
        } catch (MissingField e) {
            return -1;
        }
    }

    /** An RFID tag as the box reports it; null for none (all zeros, empty). */
    private static String tag(String text) {
        String tag = text.strip();
        return tag.isEmpty() || tag.chars().allMatch(c -> c == '0') ? null : excerpt(tag);
    }

    private static String text(JsonObject json, String field) throws MissingField {
        JsonElement value = json.get(field);
        if (value == null || !value.isJsonPrimitive()) {
            throw new MissingField("report " + (json.has("ID") ? json.get("ID") : "") + " without \"" + field + "\"");
        }
        return value.getAsString().strip();
    }

    private static long number(JsonObject json, String field) throws MissingField {
        JsonElement value = json.get(field);
        if (value == null || !value.isJsonPrimitive()) {
            throw new MissingField("report " + json.get("ID") + " without \"" + field + "\"");
        }
        JsonPrimitive primitive = value.getAsJsonPrimitive();
        try {
            double number = primitive.isNumber() ? primitive.getAsDouble() : Double.parseDouble(primitive.getAsString());
            if (Double.isNaN(number) || Double.isInfinite(number) || Math.abs(number) > 1e15) {
                throw new MissingField("report " + json.get("ID") + " with \"" + field + "\": " + primitive);
            }
            return Math.round(number);
        } catch (NumberFormatException e) {
            throw new MissingField("report " + json.get("ID") + " with \"" + field + "\" not a number: "
                    + excerpt(primitive.getAsString()));
        }
    }

    private static String excerpt(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }

    /** A report lacks a field or has one that is not a number. */
    private static final class MissingField extends Exception {
        private static final long serialVersionUID = 1L;

        MissingField(String message) {
            super(message);
        }
    }
}
