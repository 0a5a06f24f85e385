package org.chargingmanager.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.web.internal.i18n.Messages;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Writes JSON answers: UTF-8, no caching, errors as {@code {"error": "...", "code": "...", "args": [...], "field": "..."}}:
 * every error carries its message key ({@link UserMessage}), so the page can show it in its language.
 */
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

    /** An error with its message key, so the UI can show it in the page's language. */
    public static void error(HttpServletResponse response, int status, UserMessage message) throws IOException {
        JsonObject body = new JsonObject();
        Messages.addTo(body, message);
        write(response, status, body);
    }

    /** A 400 naming the wrong field, with the message's key for the UI's language. */
    public static void fieldError(HttpServletResponse response, String field, UserMessage message) throws IOException {
        JsonObject body = new JsonObject();
        Messages.addTo(body, message);
        body.addProperty("field", field);
        write(response, HttpServletResponse.SC_BAD_REQUEST, body);
    }

    /** A bad request: 400 with the field if the problem has one. */
    public static void badRequest(HttpServletResponse response, BadRequestException e) throws IOException {
        if (e instanceof FieldException field) {
            fieldError(response, field.field, e.userMessage());
        } else {
            error(response, e.status(), e.userMessage());
        }
    }

    /** 404 for a path no resource is at. */
    public static UserMessage notFound(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return UserMessage.of("http.notFound", "no such resource: " + path, path);
    }

    /** 404 for a path that needs an ID, with how to call it. */
    public static UserMessage pathIdMissing(String usage) {
        return UserMessage.of("http.pathIdMissing", "name it in the path: " + usage, usage);
    }

    /** The body has not the form this request needs. */
    public static UserMessage bodyShape(String shape) {
        return UserMessage.of("http.bodyShape", "the body must be " + shape, shape);
    }

    /** 415: the body must be sent as JSON. */
    public static UserMessage mediaType(String what) {
        return UserMessage.of("http.mediaType", "send " + what + " as application/json", "application/json");
    }

    /** 503 with a reason from below (a database, a file), in English. */
    public static UserMessage unavailable(String detail) {
        return UserMessage.of("http.unavailable", "temporarily unavailable: " + detail, detail);
    }

    /**
     * The request's body as a JSON object.
     *
     * @throws BadRequestException with a message for the client if it is not one (413 for a body too large)
     */
    public static JsonObject readObject(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream input = request.getInputStream()) {
            body = input.readNBytes(MAXIMUM_BODY_BYTES + 1);
        }
        if (body.length > MAXIMUM_BODY_BYTES) {
            throw new BadRequestException(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, UserMessage.of("http.tooLarge",
                    "the body is larger than " + MAXIMUM_BODY_BYTES + " bytes", MAXIMUM_BODY_BYTES));
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException | StackOverflowError e) {
            throw new BadRequestException(UserMessage.of("http.badJson", "the body is not valid JSON"));
        }
        if (!root.isJsonObject()) {
            throw new BadRequestException(UserMessage.of("http.notObject", "the body must be a JSON object"));
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
            throw new FieldException(name, UserMessage.of("value.notText", name + " must be a string", name));
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

    /** A request that cannot be served as sent: 400 (or the given status) with its message. */
    public static class BadRequestException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final int status;
        private final transient UserMessage userMessage;

        public BadRequestException(UserMessage message) {
            this(HttpServletResponse.SC_BAD_REQUEST, message);
        }

        public BadRequestException(int status, UserMessage message) {
            super(message.english());
            this.status = status;
            this.userMessage = message;
        }

        public int status() {
            return status;
        }

        public UserMessage userMessage() {
            return userMessage;
        }
    }

    /** Bad input in one field. */
    public static final class FieldException extends BadRequestException {
        private static final long serialVersionUID = 1L;
        final String field;

        public FieldException(String field, UserMessage message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }
}
