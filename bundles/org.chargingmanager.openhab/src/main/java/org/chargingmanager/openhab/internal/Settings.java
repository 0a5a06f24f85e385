package org.chargingmanager.openhab.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/**
 * The checked configuration.
 *
 * @param baseUri openHAB's base URL without a trailing {@code /} and without {@code /rest}
 * @param apiToken empty: no Authorization header
 */
record Settings(URI baseUri, String apiToken, ItemMapping mapping, Duration minInterval, Duration pollInterval,
        boolean nanAsUndef, Duration checkInterval, Duration retryMax, Duration timeout) {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);

    /** @throws IllegalArgumentException with a message for the user (never containing the token) */
    static Settings from(OpenHabRestConfig config) {
        URI base = baseUri(config.baseUrl());
        String token = config._apiToken() == null ? "" : config._apiToken().trim();
        for (char c : token.toCharArray()) {
            if (c < 0x21 || c > 0x7e) {
                throw new IllegalArgumentException("the API token contains spaces or characters that cannot be sent "
                        + "in an HTTP header; copy it again from openHAB");
            }
        }
        Duration timeout = Duration.ofMillis(Math.max(100, config.timeoutMillis()));
        Duration retryMax = Duration.ofMillis(Math.max(FIRST_RETRY.toMillis(), config.retryMaxMillis()));
        return new Settings(base, token, ItemMapping.parse(config.items(), config.itemPrefix()),
                Duration.ofMillis(Math.max(0, config.minIntervalMillis())),
                Duration.ofMillis(Math.max(100, config.pollMillis())), config.nanAsUndef(),
                Duration.ofMillis(Math.max(0, config.checkMillis())), retryMax, timeout);
    }

    static URI baseUri(String text) {
        String trimmed = text == null ? "" : text.trim();
        URI uri;
        try {
            uri = new URI(trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the openHAB URL '" + trimmed + "' is not a URL (" + e.getReason()
                    + "); expected for example http://localhost:8080");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the openHAB URL '" + trimmed + "' must start with http:// or https://;"
                    + " expected for example http://localhost:8080");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("the openHAB URL '" + trimmed + "' has no host name;"
                    + " expected for example http://localhost:8080");
        }
        if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("the openHAB URL '" + uri.getScheme() + "://" + uri.getHost()
                    + "...' may hold only scheme, host, port and path; put the API token into .apiToken");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/rest")) {
            path = path.substring(0, path.length() - "/rest".length());
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }
}
