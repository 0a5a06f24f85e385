package org.chargingmanager.tariff.generic.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.tariff.HttpAnswers;
import org.chargingmanager.tariff.PriceSource;

/**
 * Any URL that answers prices as JSON or CSV: one GET, with an optional header carrying an API
 * key. The key is sent only in that header and never appears in {@link #name()} or a message.
 */
final class GenericSource implements PriceSource {

    private final URI url;
    private final PriceFormat format;
    private final String headerName;
    private final String headerValue;
    private final Duration timeout;
    private final HttpClient client;

    /**
     * @param headerName empty for no header
     * @throws IllegalArgumentException if a header name is given without a value or is not a token
     */
    GenericSource(URI url, PriceFormat format, String headerName, String headerValue, Duration timeout,
            HttpClient client) {
        if (!headerName.isEmpty() && !headerName.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new IllegalArgumentException("'" + headerName + "' is not an HTTP header name");
        }
        if (!headerName.isEmpty() && headerValue.isBlank()) {
            throw new IllegalArgumentException("the header " + headerName + " has no value (property .headerValue)");
        }
        this.url = url;
        this.format = format;
        this.headerName = headerName;
        this.headerValue = headerValue;
        this.timeout = timeout;
        this.client = client;
    }

    @Override
    public String name() {
        return url.getHost(); // the path or query might hold a key
    }

    @Override
    public String fetch(Instant now) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Accept", format.csv() ? "text/csv, text/plain, */*" : "application/json, */*").GET();
        if (!headerName.isEmpty()) {
            request.header(headerName, headerValue);
        }
        String body = HttpAnswers.body(client.send(request.build(), HttpResponse.BodyHandlers.ofString()));
        if (body.isBlank()) {
            throw new IOException("an empty answer");
        }
        return body;
    }

    @Override
    public List<PriceSlot> parse(String answer) {
        return GenericPrices.parse(answer, format);
    }
}
