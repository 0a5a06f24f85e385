package org.chargingmanager.ocpp.server.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The charge box ID is the last segment of the URL path: {@code /ID}, {@code /ocpp/ID}, {@code /a/b/ID/}. */
final class ChargeBoxIds {

    /** OCPP 1.6 does not fix a length; 2.0.1 allows 48 characters, and so do we. */
    static final int MAX_LENGTH = 48;

    private ChargeBoxIds() {
    }

    static Optional<String> fromPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        String trimmed = path;
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        String segment = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        String id;
        try {
            id = URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (id.isEmpty() || id.length() > MAX_LENGTH || !id.chars().allMatch(ChargeBoxIds::allowed)) {
            return Optional.empty();
        }
        return Optional.of(id);
    }

    /** Whether this is a charge box ID a charger can connect with (as {@link #fromPath} returns them). */
    static boolean valid(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_LENGTH && id.chars().allMatch(ChargeBoxIds::allowed);
    }

    private static boolean allowed(int c) {
        return c > 0x20 && c < 0x7f && c != '/' && c != '\\' && c != ':' && c != '"' && c != '<' && c != '>';
    }
}
