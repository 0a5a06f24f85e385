package org.chargingmanager.api.plan;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a charging point's car needs: an amount of energy, measured at the charging point, by a
 * deadline.
 *
 * @param evseId the charging point
 * @param energyWattHours the energy to charge from when the plan is set (or the car is plugged in,
 *        if later), at least 1 Wh
 * @param deadline when it must be charged
 */
public record ChargingPlanRequest(String evseId, double energyWattHours, Instant deadline) {

    /** The share of the energy drawn at the charging point that ends up in the car's battery (AC charging). */
    public static final double CHARGING_EFFICIENCY = 0.9;

    public ChargingPlanRequest {
        if (evseId == null || evseId.isBlank()) {
            throw new IllegalArgumentException("a charging point ID is needed");
        }
        evseId = evseId.trim();
        if (!Double.isFinite(energyWattHours) || energyWattHours < 1 || energyWattHours > 1_000_000) {
            throw new IllegalArgumentException("the energy must be between 0.001 and 1000 kWh, not " + energyWattHours / 1000
                    + " kWh");
        }
        if (deadline == null) {
            throw new IllegalArgumentException("a deadline is needed");
        }
    }

    private static final Pattern TEXT = Pattern.compile(
            "\\s*([0-9]+(?:[.,][0-9]+)?)\\s*kWh\\s+(?:by\\s+)?(\\S+)\\s*", Pattern.CASE_INSENSITIVE);

    /**
     * A plan written as text, for home automation: {@code 20 kWh by 07:00} or
     * {@code 12.5 kWh by 2026-12-07T07:00:00+01:00} (the deadline as in {@link #deadlineFrom}).
     *
     * @throws IllegalArgumentException with a message for the user if it is not such a text
     */
    public static ChargingPlanRequest fromText(String evseId, String text, ZonedDateTime now) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a charging plan; write for example '20 kWh by 07:00'");
        }
        return new ChargingPlanRequest(evseId, Double.parseDouble(matcher.group(1).replace(',', '.')) * 1000,
                deadlineFrom(matcher.group(2), now));
    }

    /**
     * A deadline as people and scripts write it: a date and time with offset
     * ({@code 2026-12-07T07:00:00+01:00}) or an instant ({@code 2026-12-07T06:00:00Z}), or a time
     * of day ({@code 07:00}), meaning its next occurrence after {@code now} in now's time zone.
     *
     * @throws IllegalArgumentException with a message for the user if it is none of these
     */
    public static Instant deadlineFrom(String text, ZonedDateTime now) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a deadline is needed, e.g. 07:00 or 2026-12-07T07:00:00+01:00");
        }
        String trimmed = text.trim();
        try {
            if (trimmed.length() <= 8 && trimmed.contains(":")) {
                ZonedDateTime today = now.with(LocalTime.parse(trimmed));
                return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
            }
            return OffsetDateTime.parse(trimmed).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + trimmed + "' is not a deadline; use a time of day such as 07:00 "
                    + "or a date and time with offset such as 2026-12-07T07:00:00+01:00");
        }
    }

    /**
     * The request for a target state of charge: the energy from {@code socPercent} to
     * {@code targetSocPercent} of the battery, divided by {@link #CHARGING_EFFICIENCY}.
     *
     * @throws IllegalArgumentException if the percentages are not 0..100, the target is not above
     *         the state of charge, or the capacity is not positive
     */
    public static ChargingPlanRequest forStateOfCharge(String evseId, double socPercent, double targetSocPercent,
            double batteryCapacityWattHours, Instant deadline) {
        if (!(socPercent >= 0 && socPercent <= 100) || !(targetSocPercent > 0 && targetSocPercent <= 100)) {
            throw new IllegalArgumentException("states of charge are percentages from 0 to 100");
        }
        if (targetSocPercent <= socPercent) {
            throw new IllegalArgumentException("the target (" + targetSocPercent + " %) is not above the car's state of charge ("
                    + socPercent + " %)");
        }
        if (!(batteryCapacityWattHours > 0) || !Double.isFinite(batteryCapacityWattHours)) {
            throw new IllegalArgumentException("the battery capacity must be positive");
        }
        double energy = (targetSocPercent - socPercent) / 100 * batteryCapacityWattHours / CHARGING_EFFICIENCY;
        return new ChargingPlanRequest(evseId, energy, deadline);
    }
}
