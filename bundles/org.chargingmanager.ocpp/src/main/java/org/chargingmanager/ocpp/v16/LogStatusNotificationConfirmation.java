package org.chargingmanager.ocpp.v16;

/**
 * LogStatusNotification.conf: the answer to a {@link LogStatusNotificationRequest}.
 */
public record LogStatusNotificationConfirmation() implements Confirmation {

    @Override
    public Action action() {
        return Action.LOG_STATUS_NOTIFICATION;
    }
}
