package org.chargingmanager.api.tariff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What a tariff knows: price slots in time order without overlaps (gaps are allowed: no price is
 * known there), when they were fetched, and the latest problem of the source.
 *
 * @param currency ISO 4217 code, such as {@code EUR}
 * @param slots sorted by start, not overlapping
 * @param fetchedAt when the source last answered with these slots, or {@code null} for a tariff
 *        that is computed, not fetched
 * @param problem empty, or why the latest refresh failed (the slots are then the last good ones)
 */
public record PriceForecast(String currency, List<PriceSlot> slots, Instant fetchedAt, String problem) {

    public PriceForecast {
        List<PriceSlot> sorted = new ArrayList<>(slots);
        sorted.sort(Comparator.comparing(PriceSlot::start));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).start().isBefore(sorted.get(i - 1).end())) {
                throw new IllegalArgumentException("price slots overlap at " + sorted.get(i).start());
            }
        }
        slots = List.copyOf(sorted);
        problem = problem == null ? "" : problem;
    }

    /** No prices known. */
    public static PriceForecast empty(String currency, String problem) {
        return new PriceForecast(currency, List.of(), null, problem);
    }

    /** The slot that contains the instant, if one is known. */
    public Optional<PriceSlot> slotAt(Instant instant) {
        int low = 0;
        int high = slots.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            PriceSlot slot = slots.get(middle);
            if (slot.end().compareTo(instant) <= 0) {
                low = middle + 1;
            } else if (slot.start().isAfter(instant)) {
                high = middle - 1;
            } else {
                return Optional.of(slot);
            }
        }
        return Optional.empty();
    }

    /** The slots that end after the instant: what is still to come, the current slot first. */
    public List<PriceSlot> from(Instant instant) {
        return slots.stream().filter(slot -> slot.end().isAfter(instant)).toList();
    }
}
