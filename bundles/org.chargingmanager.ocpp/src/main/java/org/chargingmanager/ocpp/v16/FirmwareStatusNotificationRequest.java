package org.chargingmanager.ocpp.v16;

/**
 * FirmwareStatusNotification.req (charge point → central system, profile Firmware Management):
 * progress of a firmware update.
 */
public record FirmwareStatusNotificationRequest(
        FirmwareStatus status) implements Request {

    @Override
    public Action action() {
        return Action.FIRMWARE_STATUS_NOTIFICATION;
    }
}
