package org.chargingmanager.wallbox.goe.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/** GETs JSON objects from the box. */
final class GoeHttp {

    private final HttpClient client;
    private final URI baseUri;
    private final Duration timeout;

    GoeHttp(URI baseUri, Duration timeout) {
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** @param pathAndQuery already encoded, starting with {@code /} */
    JsonObject get(String pathAndQuery) throws GoeException {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(pathAndQuery)).timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new GoeException("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new GoeException("cannot reach it: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GoeException("interrupted");
        }
        if (response.statusCode() == 404) {
            throw new GoeException("HTTP 404 for " + request.uri().getPath(), true);
        }
        if (response.statusCode() != 200) {
            throw new GoeException("HTTP " + response.statusCode() + " for " + request.uri().getPath());
        }
        try {
            JsonElement json = JsonParser.parseString(response.body());
            if (!json.isJsonObject()) {
                throw new GoeException("answer is not a JSON object: " + excerpt(response.body()));
            }
            return json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new GoeException("answer is not JSON: " + excerpt(response.body()));
        }
    }

    static String excerpt(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }
}
