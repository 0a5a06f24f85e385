package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.Minimum;

/**
 * BootNotification.conf: the answer to a {@link BootNotificationRequest}.
 *
 * @param interval heartbeat interval in seconds when accepted, else the time to wait before the next BootNotification
 */
public record BootNotificationConfirmation(
        RegistrationStatus status,
        Instant currentTime,
        @Minimum(0) int interval) implements Confirmation {

    @Override
    public Action action() {
        return Action.BOOT_NOTIFICATION;
    }
}
