package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * ReserveNow.req (central system → charge point, profile Reservation): reserves a connector (0:
 * any connector) for an idTag until expiryDate.
 *
 * @param connectorId the connector, 1 and up; 0 means the charge point as a whole
 */
public record ReserveNowRequest(
        @Minimum(0) int connectorId,
        Instant expiryDate,
        @MaxLength(20) String idTag,
        @OptionalField @MaxLength(20) String parentIdTag,
        int reservationId) implements Request {

    @Override
    public Action action() {
        return Action.RESERVE_NOW;
    }
}
