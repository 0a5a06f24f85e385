package org.chargingmanager.mqtt.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Formats and parses Homie payloads. */
final class Payloads {

    /**
     * What a property without a value publishes: a zero-length retained message, which removes the
     * retained value at the broker. Homie floats have no NaN or Infinity, so a value that cannot be
     * computed now is not replaced by a stale or invented number.
     */
    static final String NO_VALUE = "";

    /** A {@code /set} payload longer than this is refused before it is parsed. */
    static final int MAXIMUM_SET_BYTES = 64;

    /** Homie 4.0.0 float: optional sign, digits, optional fraction, optional exponent. */
    private static final Pattern FLOAT = Pattern.compile("[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][+-]?[0-9]+)?");

    private Payloads() {
    }

    /** A float rounded to {@code decimals} places, without trailing zeros; {@link #NO_VALUE} for NaN or infinity. */
    static String number(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NO_VALUE;
        }
        BigDecimal decimal = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        if (decimal.signum() == 0) {
            return "0";
        }
        return decimal.toPlainString();
    }

    static String amps(int milliamps) {
        return BigDecimal.valueOf(milliamps, 3).stripTrailingZeros().toPlainString();
    }

    /**
     * Parses a {@code /set} payload of a float property.
     *
     * @return the number as the plain decimal text given to {@code Variables.set}
     * @throws IllegalArgumentException with a message fit for the log when it is not a finite float
     */
    static String parseFloat(byte[] payload) {
        if (payload.length == 0) {
            throw new IllegalArgumentException("the payload is empty");
        }
        if (payload.length > MAXIMUM_SET_BYTES) {
            throw new IllegalArgumentException("the payload has " + payload.length + " bytes, more than "
                    + MAXIMUM_SET_BYTES);
        }
        String text = new String(payload, java.nio.charset.StandardCharsets.UTF_8).trim();
        if (!FLOAT.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + printable(text) + "' is not a number");
        }
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + printable(text) + "' is not a number");
        }
        double value = decimal.doubleValue();
        if (Double.isInfinite(value) || Math.abs(decimal.scale()) > 30) {
            throw new IllegalArgumentException("'" + printable(text) + "' is out of range");
        }
        return decimal.stripTrailingZeros().toPlainString();
    }

    /** For log lines: at most 40 characters, control characters replaced. */
    static String printable(String text) {
        return printable(text, 40);
    }

    /** For log lines: at most {@code maximum} characters, control characters replaced. */
    static String printable(String text, int maximum) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < maximum; i++) {
            char c = text.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? '?' : c);
        }
        if (text.length() > maximum) {
            out.append("...");
        }
        return out.toString();
    }
}
