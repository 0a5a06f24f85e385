package org.chargingmanager.tariff.fixed.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.chargingmanager.api.tariff.PriceSlot;

/**
 * A base price and time-of-use periods, turned into price slots: pure. Where periods overlap,
 * the one listed first wins. Times are local to the site's time zone, so a night rate from
 * 22:00 to 06:00 stays 22:00 to 06:00 on the days the clocks change.
 */
public record TimeOfUseSchedule(double importPricePerKilowattHour, double feedInPricePerKilowattHour,
        List<PricePeriod> periods, ZoneId zone) {

    public TimeOfUseSchedule {
        periods = List.copyOf(periods);
    }

    /** The price slots from the start of the local day of {@code from} for {@code days} days; adjacent equal prices merged. */
    public List<PriceSlot> slots(Instant from, int days) {
        LocalDate firstDay = from.atZone(zone).toLocalDate();
        TreeSet<Instant> boundaries = new TreeSet<>();
        for (int offset = -1; offset <= days; offset++) {
            LocalDate day = firstDay.plusDays(offset);
            boundaries.add(day.atStartOfDay(zone).toInstant());
            for (PricePeriod period : periods) {
                boundaries.add(at(day, period.from()));
                if (period.to() != null) {
                    boundaries.add(at(day, period.to()));
                }
            }
        }
        Instant start = firstDay.atStartOfDay(zone).toInstant();
        Instant end = firstDay.plusDays(days).atStartOfDay(zone).toInstant();
        List<PriceSlot> slots = new ArrayList<>();
        Instant slotStart = start;
        for (Instant boundary : boundaries.subSet(start, false, end, true)) {
            double price = priceAt(slotStart);
            if (!slots.isEmpty() && slots.get(slots.size() - 1).importPricePerKilowattHour() == price) {
                PriceSlot previous = slots.remove(slots.size() - 1);
                slotStart = previous.start();
            }
            slots.add(new PriceSlot(slotStart, boundary, price, feedInPricePerKilowattHour, Double.NaN, Double.NaN));
            slotStart = boundary;
        }
        return slots;
    }

    /** The import price at an instant. */
    public double priceAt(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        LocalTime time = local.toLocalTime();
        for (PricePeriod period : periods) {
            if (period.crossesMidnight()) {
                boolean lateEvening = period.days().contains(local.getDayOfWeek()) && !time.isBefore(period.from());
                boolean earlyMorning = period.days().contains(local.getDayOfWeek().minus(1)) && time.isBefore(period.to());
                if (lateEvening || earlyMorning) {
                    return period.importPricePerKilowattHour();
                }
            } else if (period.days().contains(local.getDayOfWeek()) && !time.isBefore(period.from())
                    && (period.to() == null || time.isBefore(period.to()))) {
                return period.importPricePerKilowattHour();
            }
        }
        return importPricePerKilowattHour;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }
}
