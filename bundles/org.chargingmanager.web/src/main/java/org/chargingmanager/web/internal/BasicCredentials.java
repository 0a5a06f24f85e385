package org.chargingmanager.web.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** User name and password from an HTTP {@code Authorization: Basic ...} header (RFC 7617, UTF-8). */
record BasicCredentials(String username, char[] password) {

    static Optional<BasicCredentials> parse(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.length() < 6
                || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorizationHeader.substring(6).trim()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new BasicCredentials(decoded.substring(0, colon), decoded.substring(colon + 1).toCharArray()));
    }
}
