package org.chargingmanager.ocpp.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * OCPP dateTime values. Reading accepts what real chargers send:
 * {@code 2024-05-01T12:00:00Z}, with 1 to 9 fraction digits, a lower-case {@code z}, offsets
 * {@code +02:00}, {@code +0200} or {@code +02}, and no offset at all, which is taken as UTC.
 * Writing gives UTC with {@code Z} and at most millisecond precision, which every charger reads.
 */
public final class DateTimes {

    private DateTimes() {
    }

    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** The instant, or empty when the text is no date-time of the accepted forms. */
    public static Optional<Instant> parse(String text) {
        try {
            return Optional.ofNullable(parseOrNull(text));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static Instant parseOrNull(String text) {
        int length = text.length();
        if (length < 19 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || (text.charAt(10) != 'T' && text.charAt(10) != 't')
                || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (position < length && text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && isDigit(text.charAt(position))) {
                position++;
            }
            int fractionDigits = position - start;
            if (fractionDigits == 0 || fractionDigits > 9) {
                return null;
            }
            nanos = digits(text, start, position);
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        ZoneOffset offset = offset(text, position);
        if (offset == null) {
            return null;
        }
        return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    }

    private static ZoneOffset offset(String text, int position) {
        int remaining = text.length() - position;
        if (remaining == 0) {
            return ZoneOffset.UTC;
        }
        char first = text.charAt(position);
        if (remaining == 1 && (first == 'Z' || first == 'z')) {
            return ZoneOffset.UTC;
        }
        if (first != '+' && first != '-') {
            return null;
        }
        int hours;
        int minutes = 0;
        if (remaining == 3) {
            hours = digits(text, position + 1, position + 3);
        } else if (remaining == 5) {
            hours = digits(text, position + 1, position + 3);
            minutes = digits(text, position + 3, position + 5);
        } else if (remaining == 6 && text.charAt(position + 3) == ':') {
            hours = digits(text, position + 1, position + 3);
            minutes = digits(text, position + 4, position + 6);
        } else {
            return null;
        }
        if (hours < 0 || minutes < 0) {
            return null;
        }
        int sign = first == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** The decimal value of text[from, to), or -1 if a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
