package org.chargingmanager.ocpp.v16;

/**
 * StatusNotification.conf: the answer to a {@link StatusNotificationRequest}.
 */
public record StatusNotificationConfirmation() implements Confirmation {

    @Override
    public Action action() {
        return Action.STATUS_NOTIFICATION;
    }
}
