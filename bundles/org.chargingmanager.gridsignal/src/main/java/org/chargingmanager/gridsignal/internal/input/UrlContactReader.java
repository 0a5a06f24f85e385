package org.chargingmanager.gridsignal.internal.input;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * Contacts read by polling a URL per contact, e.g. a Shelly's {@code http://IP/rpc/Input.GetStatus?id=0}. The body
 * is a JSON object whose field {@code jsonField} holds the state ({@code true}/{@code false}, 1/0), or plain text:
 * {@code 1}, {@code 0}, {@code true}, {@code false}, {@code on}, {@code off}, {@code closed}, {@code open}.
 */
final class UrlContactReader implements ContactReader {

    private final HttpClient client;
    private final List<URI> urls;
    private final String jsonField;
    private final Duration timeout;

    UrlContactReader(HttpClient client, List<URI> urls, String jsonField, Duration timeout) {
        this.client = client;
        this.urls = List.copyOf(urls);
        this.jsonField = jsonField;
        this.timeout = timeout;
    }

    @Override
    public boolean[] read() throws IOException {
        boolean[] states = new boolean[urls.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = readOne(urls.get(i));
        }
        return states;
    }

    private boolean readOne(URI url) throws IOException {
        HttpResponse<String> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (IOException e) {
            throw new IOException(redact(url) + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        }
        if (response.statusCode() != 200) {
            throw new IOException(redact(url) + " answered HTTP " + response.statusCode());
        }
        return parse(response.body(), jsonField).orElseThrow(() -> new IOException(redact(url)
                + " answered neither a JSON object with '" + jsonField + "' nor on/off: '" + shorten(response.body())
                + "'"));
    }

    static java.util.Optional<Boolean> parse(String body, String field) {
        String text = body.trim();
        if (text.startsWith("{")) {
            try {
                JsonElement root = JsonParser.parseString(text);
                JsonElement value = root.getAsJsonObject().get(field);
                if (value != null && value.isJsonPrimitive()) {
                    return token(value.getAsJsonPrimitive());
                }
            } catch (JsonParseException | IllegalStateException e) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.empty();
        }
        return token(new JsonPrimitive(text));
    }

    private static java.util.Optional<Boolean> token(JsonPrimitive value) {
        if (value.isBoolean()) {
            return java.util.Optional.of(value.getAsBoolean());
        }
        switch (value.getAsString().trim().toLowerCase(Locale.ROOT)) {
        case "1": case "true": case "on": case "closed":
            return java.util.Optional.of(true);
        case "0": case "false": case "off": case "open":
            return java.util.Optional.of(false);
        default:
            return java.util.Optional.empty();
        }
    }

    /** The URL without user information (a password in it must not reach the log). */
    static String redact(URI url) {
        return url.getRawUserInfo() == null ? url.toString() : url.toString().replace(url.getRawUserInfo() + "@", "***@");
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() > 60 ? line.substring(0, 60) + "..." : line;
    }
}
