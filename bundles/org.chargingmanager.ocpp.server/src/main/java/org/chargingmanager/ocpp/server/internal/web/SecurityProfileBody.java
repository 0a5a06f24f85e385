package org.chargingmanager.ocpp.server.internal.web;

import org.chargingmanager.api.platform.UserMessage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** The body {@code {"securityProfile": 2}} (upgrade) or {@code {"minimumSecurityProfile": 1}} (set the minimum). */
final class SecurityProfileBody {

    private SecurityProfileBody() {
    }

    /** @throws JsonReplies.BadRequest saying what is wrong */
    static int parse(String body, String key, int lowest, int highest) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(body == null ? "" : body);
        } catch (JsonParseException | StackOverflowError e) {
            throw shape(key, highest);
        }
        if (parsed == null || !parsed.isJsonObject()) {
            throw shape(key, highest);
        }
        JsonElement value = ((JsonObject) parsed).get(key);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new JsonReplies.BadRequest(UserMessage.of("ocpp.profileRange", key + " must be a number from " + lowest
                    + " to " + highest, key, lowest, highest));
        }
        double number = value.getAsDouble();
        if (number != Math.rint(number) || number < lowest || number > highest) {
            throw new JsonReplies.BadRequest(UserMessage.of("ocpp.profileRange", key + " must be a whole number from "
                    + lowest + " to " + highest, key, lowest, highest));
        }
        return (int) number;
    }

    private static JsonReplies.BadRequest shape(String key, int highest) {
        String shape = "{\"" + key + "\": " + highest + "}";
        return new JsonReplies.BadRequest(UserMessage.of("http.bodyShape", "the body must be " + shape, shape));
    }
}
