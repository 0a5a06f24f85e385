package org.chargingmanager.ocpp.server;

import java.time.Instant;

/**
 * A reservation that a charge point accepted (ReserveNow answered {@code Accepted}) and that has
 * not ended yet: not cancelled, not used by a StartTransaction, not expired, and not released
 * by the charge point (its connector went from Reserved back to another state).
 *
 * @param reservationId the id sent in ReserveNow
 * @param connectorId the reserved connector, 0 for the charge point as a whole
 * @param idTag who may use it
 * @param parentIdTag an idTag with this parent may use it too, or {@code null}
 * @param expiryDate when the charge point ends it
 */
public record Reservation(int reservationId, int connectorId, String idTag, String parentIdTag, Instant expiryDate) {
}
