package org.chargingmanager.billing.internal.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.billing.TransactionQuery;

/** Reads and checks the query parameters of the transaction endpoints. */
final class Parameters {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final Map<String, String[]> values;
    private final ZoneId zone;

    /**
     * @param zone the time zone a plain date ({@code 2025-01-31}) is read in
     */
    Parameters(Map<String, String[]> values, Set<String> allowed, ZoneId zone) throws BadParameterException {
        this.values = values;
        this.zone = zone;
        for (Map.Entry<String, String[]> entry : values.entrySet()) {
            if (!allowed.contains(entry.getKey())) {
                String names = String.join(", ", allowed.stream().sorted().toList());
                throw new BadParameterException(entry.getKey(), UserMessage.of("log.unknownParameter",
                        "unknown parameter '" + entry.getKey() + "'; allowed are " + names, entry.getKey(), names));
            }
            if (entry.getValue().length > 1) {
                throw new BadParameterException(entry.getKey(), UserMessage.of("log.parameterTwice",
                        "parameter '" + entry.getKey() + "' given more than once", entry.getKey()));
            }
        }
    }

    String text(String name) throws BadParameterException {
        String[] value = values.get(name);
        if (value == null) {
            return null;
        }
        if (value[0].isBlank()) {
            throw new BadParameterException(name, UserMessage.of("log.parameterEmpty", "parameter '" + name + "' is empty", name));
        }
        return value[0];
    }

    /** An ISO 8601 date and time with offset ({@code 2025-01-31T00:00:00+01:00}, {@code ...Z}) or a date. */
    Instant time(String name) throws BadParameterException {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException notDateTime) {
            try {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            } catch (DateTimeException notDate) {
                throw new BadParameterException(name, UserMessage.of("log.badDate", "parameter '" + name + "' must be an"
                        + " ISO 8601 date (2025-01-31) or date and time with offset (2025-01-31T00:00:00+01:00), not '" + value
                        + "'", name, value));
            }
        }
    }

    long number(String name, long defaultValue, long min, long max) throws BadParameterException {
        String value = text(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value);
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, UserMessage.of("log.badNumber", "parameter '" + name
                    + "' must be a whole number from " + min + " to " + max + ", not '" + value + "'", name, min, max, value));
        }
    }

    /** The filter parameters {@code from}, {@code to}, {@code evse}, {@code user}. */
    TransactionQuery query(long offset, int limit) throws BadParameterException {
        Instant from = time("from");
        Instant to = time("to");
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadParameterException("to", UserMessage.of("log.toBeforeFrom", "parameter 'to' must be after 'from'"));
        }
        return new TransactionQuery(from, to, text("evse"), text("user"), offset, limit);
    }
}
