package org.chargingmanager.eichrecht.internal.format;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.chargingmanager.api.eichrecht.SignedReading;

/**
 * One OCMF reading ({@code RD} entry) after the spec's rule that omitted fields take the value
 * of the previous reading in the same record.
 *
 * @param time {@code TM} as written, for example {@code 2021-04-09T09:09:51,000+0200 I}
 * @param value {@code RV} exactly as written (numbers may also come as strings)
 */
public record OcmfReading(String time, String type, BigDecimal value, String obis, String unit, String status,
        String errorFlags) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSSZ",
            Locale.ROOT);

    /** Energy in Wh, or {@code null} if the unit is not an energy unit. */
    public Double energyWattHours() {
        if (value == null || unit == null) {
            return null;
        }
        switch (unit.strip()) {
            case "kWh":
                return value.movePointRight(3).doubleValue();
            case "Wh":
                return value.doubleValue();
            default:
                return null;
        }
    }

    /** The time without the synchronisation state, or {@code null} if it cannot be read. */
    public Instant instant() {
        if (time == null) {
            return null;
        }
        String stamp = time.strip();
        int space = stamp.indexOf(' ');
        if (space > 0) {
            stamp = stamp.substring(0, space);
        }
        try {
            return OffsetDateTime.parse(stamp.replace('.', ','), TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The time's synchronisation state ({@code I}, {@code S}, {@code R}, {@code U}), or {@code null}. */
    public String timeState() {
        if (time == null) {
            return null;
        }
        String stamp = time.strip();
        int space = stamp.lastIndexOf(' ');
        return space > 0 ? stamp.substring(space + 1) : null;
    }

    public SignedReading toSignedReading() {
        Double energy = energyWattHours();
        return new SignedReading(instant(), type, obis, energy == null ? 0 : energy, status);
    }
}
