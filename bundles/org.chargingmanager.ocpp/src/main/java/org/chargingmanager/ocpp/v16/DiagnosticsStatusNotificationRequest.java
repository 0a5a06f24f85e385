package org.chargingmanager.ocpp.v16;

/**
 * DiagnosticsStatusNotification.req (charge point → central system, profile Firmware Management):
 * progress of a diagnostics upload.
 */
public record DiagnosticsStatusNotificationRequest(
        DiagnosticsStatus status) implements Request {

    @Override
    public Action action() {
        return Action.DIAGNOSTICS_STATUS_NOTIFICATION;
    }
}
