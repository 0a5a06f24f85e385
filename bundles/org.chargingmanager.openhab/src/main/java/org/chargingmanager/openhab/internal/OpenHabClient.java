package org.chargingmanager.openhab.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;

/** openHAB's REST API for item states, on the JDK's HTTP client. The token goes into the header only. */
final class OpenHabClient {

    /** An HTTP answer: status and body (openHAB's state text, or its error JSON). */
    record Answer(int statusCode, String body) {

        boolean ok() {
            return statusCode >= 200 && statusCode < 300;
        }
    }

    private final Settings settings;
    private final HttpClient http;

    OpenHabClient(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** {@code PUT /rest/items/{item}/state} with the state as text/plain; openHAB answers 202. */
    Answer putState(String item, String state) throws IOException {
        return send(request(item).header("Content-Type", "text/plain; charset=UTF-8")
                .PUT(HttpRequest.BodyPublishers.ofString(state, StandardCharsets.UTF_8)).build());
    }

    /** {@code GET /rest/items/{item}/state}: the state as text ({@code NULL} when it has none). */
    Answer getState(String item) throws IOException {
        return send(request(item).header("Accept", "text/plain").GET().build());
    }

    URI stateUri(String item) {
        return URI.create(settings.baseUri() + "/rest/items/" + URLEncoder.encode(item, StandardCharsets.UTF_8) + "/state");
    }

    private HttpRequest.Builder request(String item) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(stateUri(item)).timeout(settings.timeout());
        if (!settings.apiToken().isEmpty()) {
            builder.header("Authorization", "Bearer " + settings.apiToken());
        }
        return builder;
    }

    /**
     * Sends once more when a kept-alive connection turns out to be closed (openHAB restarted or
     * closed it idle); a refused connection or a timeout is not repeated.
     */
    private Answer send(HttpRequest request) throws IOException {
        try {
            try {
                return exchange(request);
            } catch (ConnectException | HttpTimeoutException e) {
                throw e;
            } catch (IOException staleConnection) {
                return exchange(request);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private Answer exchange(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body() == null ? "" : response.body());
    }
}
