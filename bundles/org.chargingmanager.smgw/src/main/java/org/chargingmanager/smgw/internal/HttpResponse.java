package org.chargingmanager.smgw.internal;

import java.nio.charset.StandardCharsets;

import com.google.gson.JsonObject;

/** An answer of the mutual-TLS listener. */
record HttpResponse(int status, String contentType, byte[] body) {

    static HttpResponse json(int status, JsonObject body) {
        return new HttpResponse(status, "application/json; charset=utf-8", body.toString().getBytes(StandardCharsets.UTF_8));
    }

    static HttpResponse error(int status, String message) {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        return json(status, body);
    }
}
