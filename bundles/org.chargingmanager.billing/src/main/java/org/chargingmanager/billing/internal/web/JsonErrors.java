package org.chargingmanager.billing.internal.web;

import java.io.IOException;
import java.io.Writer;

import javax.servlet.http.HttpServletResponse;

import com.google.gson.JsonObject;

/** JSON answers of the billing endpoints: {@code {"error": "...", "parameter": "..."}}. */
final class JsonErrors {

    private JsonErrors() {
    }

    static void badParameter(HttpServletResponse response, BadParameterException e) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", e.getMessage());
        if (e.parameter() != null) {
            body.addProperty("parameter", e.parameter());
        }
        addCode(body, e.code(), e.args());
        write(response, HttpServletResponse.SC_BAD_REQUEST, body);
    }

    /** 409 with the field in conflict, if known. */
    static void conflict(HttpServletResponse response, String parameter, String message) throws IOException {
        conflict(response, new BadParameterException(parameter, message));
    }

    /** 409 with the field in conflict and the message key the web UI translates. */
    static void conflict(HttpServletResponse response, BadParameterException e) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", e.getMessage());
        if (e.parameter() != null) {
            body.addProperty("parameter", e.parameter());
        }
        addCode(body, e.code(), e.args());
        write(response, HttpServletResponse.SC_CONFLICT, body);
    }

    private static void addCode(JsonObject body, String code, java.util.List<String> args) {
        if (code != null) {
            body.addProperty("code", code);
            com.google.gson.JsonArray array = new com.google.gson.JsonArray();
            args.forEach(array::add);
            body.add("args", array);
        }
    }

    static void error(HttpServletResponse response, int status, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        write(response, status, body);
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
