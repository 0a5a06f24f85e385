package org.chargingmanager.tariff;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;

/** Checks an HTTP answer of a price source before it is parsed. */
public final class HttpAnswers {

    /** The most characters an answer may have: a few days of 15-minute prices fit many times. */
    public static final int MAX_CHARACTERS = 2_000_000;

    private HttpAnswers() {
    }

    /**
     * @return the body of a 200 answer
     * @throws IOException naming the status ("HTTP 503"; 401 and 403 as a refused token) or the size
     */
    public static String body(HttpResponse<String> response) throws IOException {
        int status = response.statusCode();
        if (status == 401 || status == 403) {
            throw new IOException("HTTP " + status + ": the token or password was refused");
        }
        if (status != 200) {
            throw new IOException("HTTP " + status);
        }
        String body = response.body();
        if (body == null) {
            throw new IOException("an empty answer");
        }
        if (body.length() > MAX_CHARACTERS) {
            throw new IOException("the answer is larger than " + MAX_CHARACTERS + " characters");
        }
        return body;
    }

    /**
     * A configured URL, checked: http or https with a host.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static URI checkedUrl(String text) {
        try {
            URI uri = new URI(text == null ? "" : text.trim());
            if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("'" + text + "' is not an http(s) URL");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not a URL");
        }
    }
}
