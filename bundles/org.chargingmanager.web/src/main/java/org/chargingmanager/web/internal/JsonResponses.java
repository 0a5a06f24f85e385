package org.chargingmanager.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** Writes JSON answers: UTF-8, no caching, errors as {@code {"error": "...", "field": "..."}}. */
public final class JsonResponses {

    static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
    static final int MAXIMUM_BODY_BYTES = 64 * 1024;

    private JsonResponses() {
    }

    public static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        try (Writer writer = response.getWriter()) {
            GSON.toJson(body, writer);
        }
    }

    public static void error(HttpServletResponse response, int status, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        write(response, status, body);
    }

    /** An error with its message key, so the UI can show it in the page's language. */
    public static void error(HttpServletResponse response, int status, org.chargingmanager.web.internal.i18n.UserMessage message)
            throws IOException {
        JsonObject body = new JsonObject();
        message.addTo(body);
        write(response, status, body);
    }

    /** A 400 naming the wrong field, with the message's key for the UI's language. */
    public static void fieldError(HttpServletResponse response, String field,
            org.chargingmanager.web.internal.i18n.UserMessage message) throws IOException {
        JsonObject body = new JsonObject();
        message.addTo(body);
        body.addProperty("field", field);
        write(response, HttpServletResponse.SC_BAD_REQUEST, body);
    }

    /** A 400 naming the form field that is wrong, so the UI can show the message next to it. */
    public static void fieldError(HttpServletResponse response, String field, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        body.addProperty("field", field);
        write(response, HttpServletResponse.SC_BAD_REQUEST, body);
    }

    /**
     * The request's body as a JSON object.
     *
     * @throws IllegalArgumentException with a message for the client if it is not one
     */
    public static JsonObject readObject(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream input = request.getInputStream()) {
            body = input.readNBytes(MAXIMUM_BODY_BYTES + 1);
        }
        if (body.length > MAXIMUM_BODY_BYTES) {
            throw new IllegalArgumentException("the body is larger than " + MAXIMUM_BODY_BYTES + " bytes");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException | StackOverflowError e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (!root.isJsonObject()) {
            throw new IllegalArgumentException("the body must be a JSON object");
        }
        return root.getAsJsonObject();
    }

    /** A string member, or null if absent or JSON null. */
    public static String string(JsonObject object, String name) {
        JsonElement element = object.get(name);
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (!element.isJsonPrimitive()) {
            throw new FieldException(name, name + " must be a string");
        }
        return element.getAsString();
    }

    /** The decoded path segment after the servlet's path ({@code /api/v1/x/ID}), or {@code null} for none. */
    public static String pathId(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        if (pathInfo == null || pathInfo.equals("/")) {
            return null;
        }
        return URLDecoder.decode(pathInfo.substring(1), StandardCharsets.UTF_8).trim();
    }

    /** Bad input in one field. */
    static final class FieldException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final String field;

        FieldException(String field, String message) {
            super(message);
            this.field = field;
        }
    }
}
