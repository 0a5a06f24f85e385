package org.chargingmanager.ocpp.server.internal.web;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** The body {@code {"securityProfile": 2}} (upgrade) or {@code {"minimumSecurityProfile": 1}} (set the minimum). */
final class SecurityProfileBody {

    private SecurityProfileBody() {
    }

    /** @throws IllegalArgumentException saying what is wrong */
    static int parse(String body, String key, int lowest, int highest) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(body == null ? "" : body);
        } catch (JsonParseException | StackOverflowError e) {
            throw new IllegalArgumentException("the body must be {\"" + key + "\": " + highest + "}");
        }
        if (parsed == null || !parsed.isJsonObject()) {
            throw new IllegalArgumentException("the body must be {\"" + key + "\": " + highest + "}");
        }
        JsonElement value = ((JsonObject) parsed).get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new IllegalArgumentException(key + " must be a number from " + lowest + " to " + highest);
        }
        double number = value.getAsDouble();
        if (number != Math.rint(number) || number < lowest || number > highest) {
            throw new IllegalArgumentException(key + " must be a whole number from " + lowest + " to " + highest);
        }
        return (int) number;
    }
}
