package org.chargingmanager.ocpp.v16;

/**
 * FirmwareStatusNotification.conf: the answer to a {@link FirmwareStatusNotificationRequest}.
 */
public record FirmwareStatusNotificationConfirmation() implements Confirmation {

    @Override
    public Action action() {
        return Action.FIRMWARE_STATUS_NOTIFICATION;
    }
}
