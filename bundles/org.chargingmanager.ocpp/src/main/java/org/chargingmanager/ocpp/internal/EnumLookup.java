package org.chargingmanager.ocpp.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Finds the constant of a {@link WireEnum} for a received string: the exact wire value first,
 * then ignoring case, because some chargers send {@code charging} or {@code CHARGING}.
 */
final class EnumLookup {

    private final Map<String, Enum<?>> exact = new HashMap<>();
    private final Map<String, Enum<?>> ignoringCase = new HashMap<>();

    EnumLookup(Class<?> enumType) {
        for (Object constant : enumType.getEnumConstants()) {
            String wireValue = ((WireEnum) constant).wireValue();
            exact.put(wireValue, (Enum<?>) constant);
            ignoringCase.put(wireValue.toLowerCase(Locale.ROOT), (Enum<?>) constant);
        }
    }

    /** The constant, or null when the value is unknown. */
    Enum<?> find(String received) {
        Enum<?> constant = exact.get(received);
        return constant != null ? constant : ignoringCase.get(received.toLowerCase(Locale.ROOT));
    }
}
