package org.chargingmanager.mqtt.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Homie IDs: every topic level is lower case {@code a-z}, {@code 0-9} and {@code -}, and neither
 * starts nor ends with {@code -}.
 */
final class HomieIds {

    private static final Pattern VALID = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

    private HomieIds() {
    }

    static boolean valid(String id) {
        return id != null && VALID.matcher(id).matches();
    }

    /**
     * Maps a name to an ID: lower case, every other character (such as {@code _}, {@code .} or a
     * space) becomes {@code -}, runs of {@code -} collapse, leading and trailing {@code -} go.
     *
     * @return the ID, or empty when nothing is left (for example {@code "__"})
     */
    static String of(String name) {
        if (name == null) {
            return "";
        }
        StringBuilder id = new StringBuilder(name.length());
        for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (allowed) {
                id.append(c);
            } else if (id.length() > 0 && id.charAt(id.length() - 1) != '-') {
                id.append('-');
            }
        }
        while (id.length() > 0 && id.charAt(id.length() - 1) == '-') {
            id.setLength(id.length() - 1);
        }
        return id.toString();
    }
}
