package org.chargingmanager.core.internal.rules;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.chargingmanager.api.evse.ChargingMode;

/**
 * A charging rule as a value: its conditions on charging point, user, weekday and time of day
 * are checked here; its expression condition is evaluated by the caller.
 *
 * @param startTime inclusive; equal to {@code endTime} means the whole day
 * @param endTime exclusive; before {@code startTime} means the window passes midnight
 */
public record ChargingRule(String name, Set<String> evseIds, Set<String> users, Set<DayOfWeek> weekdays,
        LocalTime startTime, LocalTime endTime, String condition, RuleAction action, double value) {

    public ChargingRule {
        evseIds = Set.copyOf(evseIds);
        users = Set.copyOf(users);
        weekdays = weekdays.isEmpty() ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(weekdays);
        condition = condition == null ? "" : condition.trim();
    }

    public static ChargingRule from(ChargingRuleConfig config) {
        EnumSet<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : config.weekdays()) {
            if (!day.isBlank()) {
                days.add(DayOfWeek.valueOf(day.trim().toUpperCase(Locale.ROOT)));
            }
        }
        return new ChargingRule(config.name(), clean(config.evseIds()), clean(config.users()), days,
                time(config.startTime()), time(config.endTime()), config.condition(), config.action(), config.value());
    }

    private static Set<String> clean(String[] values) {
        return Set.of(java.util.Arrays.stream(values).map(String::trim).filter(value -> !value.isEmpty()).distinct()
                .toArray(String[]::new));
    }

    private static LocalTime time(String text) {
        if (text == null || text.isBlank()) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a time of day (HH:mm): '" + text + "'", e);
        }
    }

    /**
     * Whether the rule's charging point, user, weekday and time window match (not its expression).
     *
     * @param userIds the user ID and the RFID/PIN of the session; may be empty
     */
    public boolean matches(String evseId, Set<String> userIds, LocalDateTime time) {
        if (!evseIds.isEmpty() && !evseIds.contains(evseId)) {
            return false;
        }
        if (!users.isEmpty() && users.stream().noneMatch(userIds::contains)) {
            return false;
        }
        LocalTime clock = time.toLocalTime();
        DayOfWeek day = time.getDayOfWeek();
        if (startTime.equals(endTime)) {
            return weekdays.contains(day);
        }
        if (startTime.isBefore(endTime)) {
            return weekdays.contains(day) && !clock.isBefore(startTime) && clock.isBefore(endTime);
        }
        // the window passes midnight: the part after midnight belongs to the day it started on
        if (!clock.isBefore(startTime)) {
            return weekdays.contains(day);
        }
        return clock.isBefore(endTime) && weekdays.contains(day.minus(1));
    }

    /**
     * The charging mode while rules apply: the most restrictive mode any of {@code applying} sets
     * ("PV only" before "minimum + PV" before "fast"), or {@code configured} when none sets one. A
     * charging point the user switched off stays off.
     */
    public static ChargingMode effectiveMode(ChargingMode configured, List<ChargingRule> applying) {
        if (configured == ChargingMode.OFF) {
            return ChargingMode.OFF;
        }
        ChargingMode chosen = null;
        for (ChargingRule rule : applying) {
            ChargingMode mode = rule.action().chargingMode();
            if (mode != null && (chosen == null || restrictiveness(mode) > restrictiveness(chosen))) {
                chosen = mode;
            }
        }
        return chosen == null ? configured : chosen;
    }

    private static int restrictiveness(ChargingMode mode) {
        return switch (mode) {
            case FAST -> 0;
            case MIN_PV -> 1;
            case PV_ONLY -> 2;
            case OFF -> 3;
        };
    }

    /**
     * The current per phase this rule allows, in mA; a rule that sets a charging mode does not
     * limit the current.
     *
     * @param phases how many phases the car draws on
     */
    public int allowedMilliamps(int phases, double volts) {
        return switch (action) {
            case MODE_FAST, MODE_MIN_PV, MODE_PV_ONLY -> Integer.MAX_VALUE;
            case NO_CHARGING -> 0;
            case MAX_CURRENT -> (int) Math.max(0, Math.floor(value * 1000));
            case MAX_POWER -> (int) Math.max(0, Math.floor(value / (phases * volts) * 1000));
        };
    }
}
