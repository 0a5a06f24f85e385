package org.chargingmanager.api.billing;

import java.time.OffsetDateTime;

/**
 * A charging session that begins.
 *
 * @param evseId the charging point
 * @param chargeBoxId the OCPP charge box ID, or {@code null} for other drivers
 * @param connectorId the connector on its wallbox
 * @param userId the user the RFID or PIN belongs to, or {@code null} if unknown
 * @param idTag the RFID or PIN as entered, or {@code null}
 * @param start when it began, with the site's offset
 * @param meterStartWattHours the energy register at the start
 */
public record TransactionStart(String evseId, String chargeBoxId, int connectorId, String userId, String idTag,
        OffsetDateTime start, long meterStartWattHours) {
}
