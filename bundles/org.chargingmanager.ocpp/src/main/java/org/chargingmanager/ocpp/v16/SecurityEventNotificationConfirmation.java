package org.chargingmanager.ocpp.v16;

/**
 * SecurityEventNotification.conf: the answer to a {@link SecurityEventNotificationRequest}.
 */
public record SecurityEventNotificationConfirmation() implements Confirmation {

    @Override
    public Action action() {
        return Action.SECURITY_EVENT_NOTIFICATION;
    }
}
