package org.chargingmanager.ocpp.server.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.ocpp.server.DataTransferHandler;

/**
 * The registered {@link DataTransferHandler} services by vendor ID. The first registered handler
 * of a vendor ID answers; a handler without a vendor ID property is never asked.
 */
final class DataTransferHandlers {

    private record Entry(List<String> vendorIds, DataTransferHandler handler) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(DataTransferHandler handler, Map<String, Object> properties) {
        entries.add(new Entry(vendorIds(properties.get(DataTransferHandler.VENDOR_ID_PROPERTY)), handler));
    }

    void remove(DataTransferHandler handler) {
        entries.removeIf(entry -> entry.handler() == handler);
    }

    Optional<DataTransferHandler> find(String vendorId) {
        if (vendorId == null) {
            return Optional.empty();
        }
        String wanted = vendorId.strip().toLowerCase(Locale.ROOT);
        return entries.stream().filter(entry -> entry.vendorIds().contains(wanted)).map(Entry::handler).findFirst();
    }

    private static List<String> vendorIds(Object property) {
        List<String> ids = new ArrayList<>();
        if (property instanceof String text) {
            ids.add(text);
        } else if (property instanceof String[] texts) {
            ids.addAll(List.of(texts));
        } else if (property instanceof Collection<?> values) {
            values.forEach(value -> ids.add(String.valueOf(value)));
        }
        return ids.stream().map(id -> id.strip().toLowerCase(Locale.ROOT)).filter(id -> !id.isEmpty()).toList();
    }
}
