package org.chargingmanager.web.internal.i18n;

import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * A message for the user in an error answer: the English text ({@code error}) for scripts and
 * logs, and a message key ({@code code}) with its arguments ({@code args}) that the web UI
 * translates into the page's language. An argument may itself be a message (the reason inside
 * "at position 7 of ...: ..."), which the UI translates as well. The UI shows the English text
 * for a key it does not know.
 */
public record UserMessage(String code, String english, List<Object> args) {

    public UserMessage {
        args = List.copyOf(args);
    }

    public static UserMessage of(String code, String english, Object... args) {
        return new UserMessage(code, english, List.of(args));
    }

    /** Adds {@code error}, {@code code} and {@code args} to an answer. */
    public void addTo(JsonObject body) {
        body.addProperty("error", english);
        body.addProperty("code", code);
        body.add("args", arguments());
    }

    private JsonArray arguments() {
        JsonArray array = new JsonArray();
        for (Object arg : args) {
            if (arg instanceof UserMessage nested) {
                JsonObject json = new JsonObject();
                nested.addTo(json);
                array.add(json);
            } else if (arg instanceof Number number) {
                array.add(new JsonPrimitive(number));
            } else {
                array.add(String.valueOf(arg));
            }
        }
        return array;
    }
}
