package org.chargingmanager.api.billing;

import java.time.Instant;

/**
 * The answer to "may this RFID or PIN charge here?".
 *
 * @param status accepted or why not
 * @param userId the user the token belongs to, or {@code null} if unknown
 * @param expiry until when a charger may cache the answer, or {@code null}
 * @param parentIdTag the group token, or {@code null}
 */
public record Authorization(AuthorizationStatus status, String userId, Instant expiry, String parentIdTag) {
}
