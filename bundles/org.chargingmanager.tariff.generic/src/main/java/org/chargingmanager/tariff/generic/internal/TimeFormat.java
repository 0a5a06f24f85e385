package org.chargingmanager.tariff.generic.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;

/** How a source writes a point in time. */
enum TimeFormat {
    /** ISO 8601 with an offset or Z: {@code 2026-03-29T03:00:00+02:00}, {@code 2026-03-29T01:00:00Z}. */
    ISO_OFFSET,
    /** Seconds since 1970-01-01T00:00Z, a number or a string of digits. */
    EPOCH_SECONDS,
    /** Milliseconds since 1970-01-01T00:00Z. */
    EPOCH_MILLISECONDS,
    /**
     * A local date and time without offset ({@code 2026-10-25T02:00} or {@code 2026-10-25 02:00:00})
     * in the configured time zone. Of the hour that happens twice when the clocks go back, the
     * first occurrence is taken unless it would not come after the slot before (then the second);
     * a time that does not exist (the hour skipped when the clocks go forward) is refused.
     */
    LOCAL;

    /**
     * @param previous the start of the slot before in the answer, or {@code null}: decides which
     *        of the two occurrences a repeated local time is
     * @throws IllegalArgumentException naming the value
     */
    Instant parse(String value, ZoneId zone, Instant previous) {
        String text = value.trim();
        try {
            switch (this) {
                case ISO_OFFSET:
                    return OffsetDateTime.parse(text.replace(' ', 'T')).toInstant();
                case EPOCH_SECONDS:
                    return Instant.ofEpochSecond(new BigDecimal(text).longValueExact());
                case EPOCH_MILLISECONDS:
                    return Instant.ofEpochMilli(new BigDecimal(text).longValueExact());
                default:
                    return local(LocalDateTime.parse(text.replace(' ', 'T')), zone, previous);
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a time in the format " + this
                    + (this == ISO_OFFSET ? " (a date and time with an offset such as +01:00 or Z)" : ""));
        } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a whole number of "
                    + (this == EPOCH_SECONDS ? "seconds" : "milliseconds") + " since 1970");
        }
    }

    private static Instant local(LocalDateTime time, ZoneId zone, Instant previous) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(time);
        if (offsets.isEmpty()) {
            throw new IllegalArgumentException("'" + time + "' does not exist in " + zone
                    + " (the clocks go forward then)");
        }
        Instant first = time.toInstant(offsets.get(0));
        if (offsets.size() > 1 && previous != null && !first.isAfter(previous)) {
            return time.toInstant(offsets.get(1));
        }
        return first;
    }
}
