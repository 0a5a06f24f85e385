package org.chargingmanager.core.internal.tariff;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.chargingmanager.api.tariff.Tariff;

/**
 * The registered tariffs and which one the site uses: the highest {@code service.ranking}, at
 * equal ranking the one registered first.
 */
public final class SiteTariffs {

    private record Entry(Tariff tariff, int ranking, long order) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private long registrations;

    public synchronized void add(Tariff tariff, int ranking) {
        entries.add(new Entry(tariff, ranking, registrations++));
    }

    public synchronized void remove(Tariff tariff) {
        entries.removeIf(entry -> entry.tariff() == tariff);
    }

    public synchronized Optional<Tariff> selected() {
        return entries.stream()
                .max(Comparator.comparingInt(Entry::ranking).thenComparing(Comparator.comparingLong(Entry::order).reversed()))
                .map(Entry::tariff);
    }
}
