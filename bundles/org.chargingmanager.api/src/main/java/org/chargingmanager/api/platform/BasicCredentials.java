package org.chargingmanager.api.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import org.chargingmanager.api.billing.Authorization;
import org.chargingmanager.api.billing.User;

/**
 * User name and password from an HTTP {@code Authorization: Basic ...} header (RFC 7617, UTF-8),
 * as the web API, the Web Console and OCPP charge points (security profiles 1 and 2) send them.
 */
public record BasicCredentials(String username, char[] password) {

    /** @return empty if the header is missing, not Basic, not base64 or has no {@code :} */
    public static Optional<BasicCredentials> parse(String authorizationHeader) {
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

    @Override
    public String toString() {
        return "BasicCredentials[" + username + ", password hidden]";
    }
}
