package org.chargingmanager.billing.internal.web;

import java.io.IOException;
import java.io.Writer;

import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;

import com.google.gson.JsonObject;

/**
 * JSON answers of the billing endpoints. Errors are {@code {"error": "...", "code": "...",
 * "args": [...], "parameter": "..."}}: the English text, and its message key with its values for
 * the web UI's language.
 */
final class JsonErrors {

    private static final com.google.gson.Gson GSON = new com.google.gson.Gson();

    private JsonErrors() {
    }

    static void badParameter(HttpServletResponse response, BadParameterException e) throws IOException {
        write(response, HttpServletResponse.SC_BAD_REQUEST, body(e));
    }

    /** 409 with the field in conflict, if known. */
    static void conflict(HttpServletResponse response, BadParameterException e) throws IOException {
        write(response, HttpServletResponse.SC_CONFLICT, body(e));
    }

    static void error(HttpServletResponse response, int status, UserMessage message) throws IOException {
        write(response, status, json(message));
    }

    /** 503: the database (or another store) cannot be used now; the reason stays English. */
    static void unavailable(HttpServletResponse response, String detail) throws IOException {
        error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                UserMessage.of("http.unavailable", "temporarily unavailable: " + detail, detail));
    }

    private static JsonObject body(BadParameterException e) {
        JsonObject body = json(e.userMessage());
        if (e.parameter() != null) {
            body.addProperty("parameter", e.parameter());
        }
        return body;
    }

    static JsonObject json(UserMessage message) {
        return GSON.toJsonTree(message.toJsonMap()).getAsJsonObject();
    }

    static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (Writer writer = response.getWriter()) {
            writer.write(body.toString());
        }
    }
}
