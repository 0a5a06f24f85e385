package org.chargingmanager.tariff.fixed.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of a time-of-use schedule: on these weekdays, from this time to that (across midnight
 * when the end is earlier), this price per kWh. Written as {@code Mon-Fri 22:00-06:00 0.22}; days
 * as {@code Mon}, {@code Mon-Fri}, {@code Sat,Sun} or {@code *}; {@code 24:00} ends at midnight.
 *
 * @param days the weekdays on which the period starts
 * @param from inclusive
 * @param to exclusive; {@code null} for midnight at the end of the day
 * @param importPricePerKilowattHour the price during the period
 */
public record PricePeriod(Set<DayOfWeek> days, LocalTime from, LocalTime to, double importPricePerKilowattHour) {

    private static final Pattern LINE = Pattern.compile(
            "\\s*(\\S+)\\s+(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})\\s+(-?\\d+(?:[.,]\\d+)?)\\s*");
    private static final String FORM = "write it as 'Mon-Fri 22:00-06:00 0.22' (days: Mon..Sun, a range, a list or *)";

    public PricePeriod {
        days = Set.copyOf(days);
    }

    /** Whether the period starts before midnight and ends the next day. */
    public boolean crossesMidnight() {
        return to != null && !to.isAfter(from);
    }

    /** @throws IllegalArgumentException naming what is wrong, in words an installer understands */
    public static PricePeriod parse(String line) {
        Matcher matcher = LINE.matcher(line == null ? "" : line);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("'" + line + "' is not a price period: " + FORM);
        }
        Set<DayOfWeek> days = days(matcher.group(1), line);
        LocalTime from = time(matcher.group(2), matcher.group(3), line, false);
        LocalTime to = time(matcher.group(4), matcher.group(5), line, true);
        if (to != null && to.equals(from)) {
            throw new IllegalArgumentException("'" + line + "': the period starts and ends at the same time");
        }
        double price = Double.parseDouble(matcher.group(6).replace(',', '.'));
        return new PricePeriod(days, from, to, price);
    }

    private static LocalTime time(String hours, String minutes, String line, boolean end) {
        int hour = Integer.parseInt(hours);
        int minute = Integer.parseInt(minutes);
        if (end && hour == 24 && minute == 0) {
            return null;
        }
        if (hour > 23 || minute > 59) {
            throw new IllegalArgumentException("'" + line + "': " + hours + ":" + minutes + " is not a time of day");
        }
        return LocalTime.of(hour, minute);
    }

    private static Set<DayOfWeek> days(String text, String line) {
        if (text.equals("*")) {
            return EnumSet.allOf(DayOfWeek.class);
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String[] range = part.split("-");
            if (range.length == 1) {
                days.add(day(range[0], line));
            } else if (range.length == 2) {
                DayOfWeek first = day(range[0], line);
                DayOfWeek last = day(range[1], line);
                for (DayOfWeek day = first;; day = day.plus(1)) {
                    days.add(day);
                    if (day == last) {
                        break;
                    }
                }
            } else {
                throw new IllegalArgumentException("'" + line + "': '" + part + "' is not a day or a range of days");
            }
        }
        return days;
    }

    private static DayOfWeek day(String text, String line) {
        String prefix = text.trim().toLowerCase(Locale.ROOT);
        if (prefix.length() >= 2) {
            for (DayOfWeek day : DayOfWeek.values()) {
                if (day.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                    return day;
                }
            }
        }
        throw new IllegalArgumentException("'" + line + "': '" + text + "' is not a weekday (Mon, Tue, Wed, Thu, Fri, "
                + "Sat, Sun)");
    }
}
