package org.chargingmanager.meter.shelly.internal;

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

/**
 * Calls {@code GET /rpc/<method>?id=<n>} on a Shelly and answers its digest challenge: the challenge is kept and
 * answered with a growing nonce count; when the device rejects it (a new nonce after a restart) the request is sent
 * once more with the new challenge. User is always {@code admin}.
 */
final class ShellyRpc {

    static final String USER = "admin";

    private final HttpClient client;
    private final URI baseUri;
    private final Duration timeout;
    private final String password;
    private DigestChallenge challenge;

    ShellyRpc(URI baseUri, Duration timeout, String password) {
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.password = password;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** @param pathAndQuery e.g. {@code /rpc/EM.GetStatus?id=0} */
    synchronized JsonObject call(String pathAndQuery) throws ShellyException {
        HttpResponse<String> response = send(pathAndQuery, challenge);
        if (response.statusCode() == 401) {
            if (password.isEmpty()) {
                throw new ShellyException("the meter asks for a password (set .password)");
            }
            try {
                challenge = DigestChallenge.parse(response.headers().firstValue("WWW-Authenticate").orElse(null));
            } catch (IllegalArgumentException e) {
                throw new ShellyException(e.getMessage());
            }
            response = send(pathAndQuery, challenge);
            if (response.statusCode() == 401) {
                challenge = null;
                throw new ShellyException("the meter refuses the password (user admin)");
            }
        }
        if (response.statusCode() != 200) {
            throw new ShellyException("HTTP " + response.statusCode() + " for " + pathAndQuery);
        }
        try {
            JsonElement json = JsonParser.parseString(response.body());
            if (!json.isJsonObject()) {
                throw new ShellyException("answer to " + pathAndQuery + " is not a JSON object: "
                        + excerpt(response.body()));
            }
            return json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new ShellyException("answer to " + pathAndQuery + " is not JSON: " + excerpt(response.body()));
        }
    }

    private HttpResponse<String> send(String pathAndQuery, DigestChallenge digest) throws ShellyException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUri.resolve(pathAndQuery)).timeout(timeout).GET();
        if (digest != null && !password.isEmpty()) {
            request.header("Authorization", digest.authorization(USER, password, "GET", pathAndQuery));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new ShellyException("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new ShellyException("cannot reach it: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShellyException("interrupted");
        }
    }

    static String excerpt(String text) {
        String printable = text.replaceAll("[^\\x20-\\x7E]", "?");
        return printable.length() <= 60 ? printable : printable.substring(0, 60) + "...";
    }
}
