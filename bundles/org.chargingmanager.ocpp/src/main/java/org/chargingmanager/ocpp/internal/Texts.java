package org.chargingmanager.ocpp.internal;

/** Quoting of received text in error descriptions, bounded so a huge input gives a short answer. */
public final class Texts {

    private static final int MAX_QUOTED_CHARACTERS = 40;

    private Texts() {
    }

    public static String quote(String received) {
        String shortened = received.length() <= MAX_QUOTED_CHARACTERS
                ? received
                : received.substring(0, MAX_QUOTED_CHARACTERS) + "...";
        StringBuilder quoted = new StringBuilder(shortened.length() + 2).append('"');
        for (int i = 0; i < shortened.length(); i++) {
            char c = shortened.charAt(i);
            quoted.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        return quoted.append('"').toString();
    }
}
