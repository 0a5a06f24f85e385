package org.chargingmanager.ocpp.v16;

/**
 * DiagnosticsStatusNotification.conf: the answer to a {@link
 * DiagnosticsStatusNotificationRequest}.
 */
public record DiagnosticsStatusNotificationConfirmation() implements Confirmation {

    @Override
    public Action action() {
        return Action.DIAGNOSTICS_STATUS_NOTIFICATION;
    }
}
