package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * SignedFirmwareStatusNotification.req (charge point → central system, profile Security): progress
 * of a signed firmware update (security extension).
 */
public record SignedFirmwareStatusNotificationRequest(
        SignedFirmwareStatus status,
        @OptionalField Integer requestId) implements Request {

    @Override
    public Action action() {
        return Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION;
    }
}
