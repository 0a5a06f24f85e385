package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * LogStatusNotification.req (charge point → central system, profile Security): progress of a log
 * upload (security extension).
 */
public record LogStatusNotificationRequest(
        UploadLogStatus status,
        @OptionalField Integer requestId) implements Request {

    @Override
    public Action action() {
        return Action.LOG_STATUS_NOTIFICATION;
    }
}
