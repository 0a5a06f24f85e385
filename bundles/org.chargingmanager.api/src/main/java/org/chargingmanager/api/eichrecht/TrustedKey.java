package org.chargingmanager.api.eichrecht;

import java.time.Instant;

/**
 * The meter public key stored for one charging point.
 *
 * @param evseId the charging point
 * @param publicKey the key as stored: hex DER SubjectPublicKeyInfo where the curve is known,
 *        otherwise as entered (hex raw X||Y or PEM)
 * @param state confirmed by the admin or not yet
 * @param source where it came from, for example {@code admin}, {@code signed data},
 *        {@code charger configuration}, {@code internal signing}
 * @param storedAt when it was stored or last confirmed
 */
public record TrustedKey(String evseId, String publicKey, TrustedKeyState state, String source, Instant storedAt) {

    public boolean confirmed() {
        return state == TrustedKeyState.CONFIRMED;
    }
}
