package org.chargingmanager.api.billing;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A person (or a company car, a guest card...) who may charge.
 *
 * @param id unique and stable, chosen by whoever creates the user (at most 64 characters);
 *        the transaction log refers to it
 * @param name shown to people and in the CSV export
 * @param rfidTags the RFID tags of the user as the chargers report them; matched case-insensitively
 *        (OCPP IdToken is a case-insensitive string)
 * @param pins the PINs of the user; like RFID tags, a PIN arrives as an OCPP IdToken
 * @param allowedEvseIds the charging points the user may charge at; empty for all
 * @param priority larger values charge first when power is short; 0 is normal
 * @param expiry from this instant on the user is rejected as expired, or {@code null} for never
 * @param blocked whether the user is blocked
 */
public record User(String id, String name, List<String> rfidTags, List<String> pins, Set<String> allowedEvseIds,
        int priority, Instant expiry, boolean blocked) {

    public User {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a user needs an id");
        }
        name = name == null ? "" : name;
        rfidTags = rfidTags == null ? List.of() : List.copyOf(rfidTags);
        pins = pins == null ? List.of() : List.copyOf(pins);
        allowedEvseIds = allowedEvseIds == null ? Set.of() : Set.copyOf(allowedEvseIds);
    }

    /** Whether the user may charge at this charging point ({@code null}: the charger does not say). */
    public boolean mayChargeAt(String evseId) {
        return evseId == null || allowedEvseIds.isEmpty() || allowedEvseIds.contains(evseId);
    }
}
