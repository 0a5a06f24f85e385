package org.chargingmanager.eichrecht.internal.codec;

import java.util.HexFormat;

/** Hex text as meters and users write it: any case, optionally with spaces, colons or a {@code 0x} prefix. */
public final class Hex {

    private static final HexFormat UPPER = HexFormat.of().withUpperCase();

    private Hex() {
    }

    /** The bytes, or {@code null} if the text is not hex after removing separators. */
    public static byte[] decodeLenient(String text) {
        if (text == null) {
            return null;
        }
        String compact = text.replaceAll("[\\s:]", "");
        if (compact.startsWith("0x") || compact.startsWith("0X")) {
            compact = compact.substring(2);
        }
        if (compact.isEmpty() || compact.length() % 2 != 0) {
            return null;
        }
        for (int i = 0; i < compact.length(); i++) {
            if (Character.digit(compact.charAt(i), 16) < 0) {
                return null;
            }
        }
        return HexFormat.of().parseHex(compact);
    }

    public static boolean isHex(String text) {
        return decodeLenient(text) != null;
    }

    public static String encode(byte[] bytes) {
        return UPPER.formatHex(bytes);
    }
}
