package org.chargingmanager.ocpp.server.internal.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * JSON answers of the OCPP server's HTTP endpoints. Errors are {@code {"error": "...", "code": "...",
 * "args": [...]}}: the English text, and its message key with its values for the web UI's language.
 */
final class JsonReplies {

    private static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

    private JsonReplies() {
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

    /** A 400 the UI shows next to the field, translated by its message key ({@code code}, {@code args}). */
    static void fieldError(HttpServletResponse response, String code, String field, String message, List<String> args)
            throws IOException {
        JsonObject body = json(new UserMessage(code, message, List.copyOf(args)));
        body.addProperty("field", field);
        send(response, HttpServletResponse.SC_BAD_REQUEST, body);
    }

    static void error(HttpServletResponse response, int status, UserMessage message) throws IOException {
        send(response, status, json(message));
    }

    static JsonObject json(UserMessage message) {
        return GSON.toJsonTree(message.toJsonMap()).getAsJsonObject();
    }

    /** A request body this endpoint cannot use: answered with {@link #status} and the message. */
    static final class BadRequest extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int status;
        final transient UserMessage userMessage;

        BadRequest(UserMessage message) {
            this(HttpServletResponse.SC_BAD_REQUEST, message);
        }

        BadRequest(int status, UserMessage message) {
            super(message.english());
            this.status = status;
            this.userMessage = message;
        }
    }
}
