package org.chargingmanager.ocpp.server.internal.web;

import java.io.IOException;
import java.io.Writer;

import javax.servlet.http.HttpServletResponse;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

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
    static void fieldError(HttpServletResponse response, String code, String field, String message,
            java.util.List<String> args) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        body.addProperty("field", field);
        body.addProperty("code", code);
        com.google.gson.JsonArray array = new com.google.gson.JsonArray();
        args.forEach(array::add);
        body.add("args", array);
        send(response, HttpServletResponse.SC_BAD_REQUEST, body);
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        send(response, status, body);
    }
}
