package org.chargingmanager.ocpp.v16;

/**
 * SignedFirmwareStatusNotification.conf: the answer to a {@link
 * SignedFirmwareStatusNotificationRequest}.
 */
public record SignedFirmwareStatusNotificationConfirmation() implements Confirmation {

    @Override
    public Action action() {
        return Action.SIGNED_FIRMWARE_STATUS_NOTIFICATION;
    }
}
