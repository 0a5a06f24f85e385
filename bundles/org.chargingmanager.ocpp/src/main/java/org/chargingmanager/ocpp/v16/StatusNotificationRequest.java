package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * StatusNotification.req (charge point → central system, profile Core): reports a connector's (or
 * the charge point's) state and error.
 *
 * @param connectorId the connector, 1 and up; 0 means the charge point as a whole
 */
public record StatusNotificationRequest(
        @Minimum(0) int connectorId,
        ChargePointErrorCode errorCode,
        @OptionalField @MaxLength(50) String info,
        ChargePointStatus status,
        @OptionalField Instant timestamp,
        @OptionalField @MaxLength(255) String vendorId,
        @OptionalField @MaxLength(50) String vendorErrorCode) implements Request {

    @Override
    public Action action() {
        return Action.STATUS_NOTIFICATION;
    }
}
