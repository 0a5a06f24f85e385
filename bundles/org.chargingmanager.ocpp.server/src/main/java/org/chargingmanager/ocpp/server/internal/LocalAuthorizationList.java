package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.chargingmanager.api.billing.User;
import org.chargingmanager.ocpp.v16.AuthorizationData;
import org.chargingmanager.ocpp.v16.AuthorizationStatus;
import org.chargingmanager.ocpp.v16.IdTagInfo;

/**
 * The local authorization list of one charge point, made from the user directory: every RFID tag
 * and PIN of users who may charge at one of its EVSEs ({@code Accepted}, with the user's expiry),
 * and those of blocked or expired users with that status, so a charger that is offline refuses
 * them even if its authorization cache still knows them. Pure.
 *
 * @param entries sorted by ID tag, each tag once (tags compare without regard to case)
 * @param skippedTokens tokens longer than OCPP's 20 characters, left out
 */
record LocalAuthorizationList(List<AuthorizationData> entries, int skippedTokens) {

    static final int MAX_ID_TAG_LENGTH = 20;

    static LocalAuthorizationList of(Collection<User> users, Set<String> evseIds, Instant now) {
        List<AuthorizationData> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int skipped = 0;
        for (User user : users) {
            AuthorizationStatus status = status(user, evseIds, now);
            if (status == null) {
                continue;
            }
            for (String token : (Iterable<String>) Stream.concat(user.rfidTags().stream(), user.pins().stream())::iterator) {
                if (token.length() > MAX_ID_TAG_LENGTH) {
                    skipped++;
                } else if (seen.add(token.toLowerCase(Locale.ROOT))) {
                    Instant expiry = status == AuthorizationStatus.ACCEPTED ? user.expiry() : null;
                    entries.add(new AuthorizationData(token, new IdTagInfo(expiry, null, status)));
                }
            }
        }
        entries.sort(Comparator.comparing(AuthorizationData::idTag, String.CASE_INSENSITIVE_ORDER));
        return new LocalAuthorizationList(List.copyOf(entries), skipped);
    }

    /** null: the user may not charge here at all, so the charger must ask us. */
    private static AuthorizationStatus status(User user, Set<String> evseIds, Instant now) {
        if (user.blocked()) {
            return AuthorizationStatus.BLOCKED;
        }
        if (user.expiry() != null && !now.isBefore(user.expiry())) {
            return AuthorizationStatus.EXPIRED;
        }
        boolean allowedHere = evseIds.isEmpty() || evseIds.stream().anyMatch(user::mayChargeAt);
        return allowedHere ? AuthorizationStatus.ACCEPTED : null;
    }
}
