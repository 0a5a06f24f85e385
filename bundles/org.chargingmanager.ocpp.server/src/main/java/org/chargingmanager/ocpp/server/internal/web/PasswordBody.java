package org.chargingmanager.ocpp.server.internal.web;

import org.chargingmanager.api.platform.UserMessage;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** The body {@code {"password": "..."}} of a password change; the messages never echo it. */
final class PasswordBody {

    /** Wallboxes store 8 to 40 characters; OCPP's AuthorizationKey is 16 to 40 bytes. */
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 64;

    private PasswordBody() {
    }

    /** @throws JsonReplies.BadRequest saying what is wrong, without the password */
    static char[] parse(String body) {
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(body);
        } catch (JsonParseException | StackOverflowError e) {
            throw shape();
        }
        if (!parsed.isJsonObject()) {
            throw shape();
        }
        JsonElement password = ((JsonObject) parsed).get("password");
        if (password == null || !password.isJsonPrimitive() || !password.getAsJsonPrimitive().isString()) {
            throw new JsonReplies.BadRequest(UserMessage.of("ocpp.passwordNotText", "password must be a string"));
        }
        String text = password.getAsString();
        if (text.length() < MIN_LENGTH || text.length() > MAX_LENGTH) {
            throw new JsonReplies.BadRequest(UserMessage.of("ocpp.passwordLength", "password must have " + MIN_LENGTH + " to "
                    + MAX_LENGTH + " characters", MIN_LENGTH, MAX_LENGTH));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new JsonReplies.BadRequest(UserMessage.of("ocpp.passwordCharacters",
                        "password must consist of printable ASCII characters without spaces"));
            }
        }
        return text.toCharArray();
    }

    private static JsonReplies.BadRequest shape() {
        String shape = "{\"password\": \"...\"}";
        return new JsonReplies.BadRequest(UserMessage.of("http.bodyShape", "the body must be " + shape, shape));
    }
}
