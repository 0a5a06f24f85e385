package org.chargingmanager.web.internal.i18n;

import org.chargingmanager.api.platform.UserMessage;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** A {@link UserMessage} as JSON: {@code {"error": english, "code": key, "args": [...]}}, nested messages alike. */
public final class Messages {

    private Messages() {
    }

    /** Adds {@code error}, {@code code} and {@code args} to an answer. */
    public static void addTo(JsonObject body, UserMessage message) {
        body.addProperty("error", message.english());
        body.addProperty("code", message.code());
        JsonArray array = new JsonArray();
        for (Object arg : message.args()) {
            if (arg instanceof UserMessage nested) {
                array.add(json(nested));
            } else if (arg instanceof Number number) {
                array.add(new JsonPrimitive(number));
            } else {
                array.add(String.valueOf(arg));
            }
        }
        body.add("args", array);
    }

    public static JsonObject json(UserMessage message) {
        JsonObject json = new JsonObject();
        addTo(json, message);
        return json;
    }
}
