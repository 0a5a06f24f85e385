package org.chargingmanager.billing.internal.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.billing.User;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** A {@link User} as JSON for {@code /api/v1/users}, and back with a check of every field. */
final class UserJson {

    static final Set<String> FIELDS = Set.of("id", "name", "rfidTags", "pins", "allowedEvseIds", "priority", "expiry",
            "blocked");

    private UserJson() {
    }

    static JsonObject json(User user) {
        JsonObject json = new JsonObject();
        json.addProperty("id", user.id());
        json.addProperty("name", user.name());
        json.add("rfidTags", array(user.rfidTags()));
        json.add("pins", array(user.pins()));
        json.add("allowedEvseIds", array(new TreeSet<>(user.allowedEvseIds())));
        json.addProperty("priority", user.priority());
        json.add("expiry", user.expiry() == null ? JsonNull.INSTANCE : new JsonPrimitive(user.expiry().toString()));
        json.addProperty("blocked", user.blocked());
        return json;
    }

    private static JsonArray array(Iterable<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }

    /**
     * Reads a user from a request body.
     *
     * @param pathId the id from the URL ({@code PUT /api/v1/users/{id}}), or {@code null} for
     *        {@code POST}, where the body must name it
     */
    static User user(JsonElement body, String pathId) throws BadParameterException {
        if (body == null || !body.isJsonObject()) {
            throw new BadParameterException(null, UserMessage.of("http.notObject", "the body must be a JSON object"));
        }
        JsonObject json = body.getAsJsonObject();
        for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
            if (!FIELDS.contains(entry.getKey())) {
                throw new BadParameterException(entry.getKey(), UserMessage.of("value.unknownField", "unknown field '"
                        + entry.getKey() + "'; allowed are " + String.join(", ", new TreeSet<>(FIELDS)), entry.getKey()));
            }
        }
        String id = string(json, "id");
        if (pathId != null) {
            if (id != null && !id.equals(pathId)) {
                throw new BadParameterException("id", UserMessage.of("user.idDiffers", "field 'id' (" + id
                        + ") differs from the id in the URL (" + pathId + ")", id, pathId));
            }
            id = pathId;
        }
        if (id == null || id.isBlank()) {
            throw new BadParameterException("id", UserMessage.of("user.idMissing", "field 'id' is required"));
        }
        if (id.length() > 64 || !id.equals(id.strip()) || id.contains("/")) {
            throw new BadParameterException("id", UserMessage.of("user.idFormat", "field 'id' must have 1 to 64 characters,"
                    + " no '/' and no surrounding spaces"));
        }
        String name = string(json, "name");
        if (name != null && name.length() > 200) {
            throw new BadParameterException("name", UserMessage.of("user.nameTooLong", "field 'name' has at most 200 characters"));
        }
        List<String> rfidTags = strings(json, "rfidTags");
        List<String> pins = strings(json, "pins");
        List<String> evses = strings(json, "allowedEvseIds");
        Set<String> seen = new java.util.HashSet<>();
        for (String[] token : tokens(rfidTags, pins)) {
            if (!seen.add(token[1].toUpperCase(java.util.Locale.ROOT))) {
                throw new BadParameterException(token[0], UserMessage.of("user.tokenTwice", "'" + token[1] + "' in field '"
                        + token[0] + "' is listed twice (RFID tags and PINs compare case-insensitively)", token[1]));
            }
        }
        int priority = 0;
        JsonElement p = json.get("priority");
        if (p != null && !p.isJsonNull()) {
            try {
                if (!p.isJsonPrimitive() || !p.getAsJsonPrimitive().isNumber()) {
                    throw new NumberFormatException();
                }
                priority = p.getAsBigDecimal().intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new BadParameterException("priority", UserMessage.of("user.priority", "field 'priority' must be a whole number"));
            }
        }
        Instant expiry = null;
        String e = string(json, "expiry");
        if (e != null) {
            try {
                expiry = OffsetDateTime.parse(e).toInstant();
            } catch (DateTimeException notTime) {
                throw new BadParameterException("expiry", UserMessage.of("user.expiry", "field 'expiry' must be an ISO 8601"
                        + " date and time with offset, e.g. 2027-12-31T23:59:59+01:00, not '" + e + "'", e));
            }
        }
        boolean blocked = false;
        JsonElement b = json.get("blocked");
        if (b != null && !b.isJsonNull()) {
            if (!b.isJsonPrimitive() || !b.getAsJsonPrimitive().isBoolean()) {
                throw new BadParameterException("blocked", UserMessage.of("user.blocked", "field 'blocked' must be true or false"));
            }
            blocked = b.getAsBoolean();
        }
        return new User(id, name, rfidTags, pins, new LinkedHashSet<>(evses), priority, expiry, blocked);
    }

    private static List<String[]> tokens(List<String> rfidTags, List<String> pins) {
        List<String[]> tokens = new ArrayList<>();
        rfidTags.forEach(t -> tokens.add(new String[] { "rfidTags", t }));
        pins.forEach(t -> tokens.add(new String[] { "pins", t }));
        return tokens;
    }

    private static String string(JsonObject json, String field) throws BadParameterException {
        JsonElement value = json.get(field);
        if (value == null || value.isJsonNull()) {
            return null;
        }
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new BadParameterException(field, UserMessage.of("value.notText", "field '" + field + "' must be a string", field));
        }
        return value.getAsString();
    }

    private static List<String> strings(JsonObject json, String field) throws BadParameterException {
        JsonElement value = json.get(field);
        List<String> list = new ArrayList<>();
        if (value == null || value.isJsonNull()) {
            return list;
        }
        if (!value.isJsonArray()) {
            throw new BadParameterException(field, UserMessage.of("user.notList", "field '" + field
                    + "' must be an array of strings", field));
        }
        for (JsonElement element : value.getAsJsonArray()) {
            if (element == null || !element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()
                    || element.getAsString().isBlank() || element.getAsString().strip().length() > 100) {
                throw new BadParameterException(field, UserMessage.of("user.tokenLength", "field '" + field
                        + "' must hold strings of 1 to 100 characters", field));
            }
            list.add(element.getAsString().strip());
        }
        return list;
    }
}
