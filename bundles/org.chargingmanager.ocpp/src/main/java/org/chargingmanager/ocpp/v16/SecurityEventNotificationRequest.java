package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * SecurityEventNotification.req (charge point → central system, profile Security): reports a
 * security event, e.g. a failed firmware signature check (security extension).
 *
 * @param type the event type, e.g. InvalidCentralSystemCertificate
 */
public record SecurityEventNotificationRequest(
        @MaxLength(50) String type,
        Instant timestamp,
        @OptionalField @MaxLength(255) String techInfo) implements Request {

    @Override
    public Action action() {
        return Action.SECURITY_EVENT_NOTIFICATION;
    }
}
