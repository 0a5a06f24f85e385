package org.chargingmanager.eichrecht.internal.web;

import java.io.IOException;
import java.io.Writer;

import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * JSON answers of the Eichrecht endpoints. Errors are {@code {"error": "...", "code": "...",
 * "args": [...]}} (plus {@code field} or {@code parameter}): the English text, and its message key
 * with its values for the web UI's language.
 */
final class JsonErrors {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private JsonErrors() {
    }

    static void send(HttpServletResponse response, int status, JsonElement body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (Writer writer = response.getWriter()) {
            GSON.toJson(body, writer);
        }
    }

    static void error(HttpServletResponse response, int status, UserMessage message) throws IOException {
        send(response, status, json(message));
    }

    /** An error about one field ({@code name}: {@code field} or {@code parameter}) of the request. */
    static void error(HttpServletResponse response, int status, String name, String field, UserMessage message)
            throws IOException {
        JsonObject body = json(message);
        if (field != null) {
            body.addProperty(name, field);
        }
        send(response, status, body);
    }

    static JsonObject json(UserMessage message) {
        return GSON.toJsonTree(message.toJsonMap()).getAsJsonObject();
    }
}
