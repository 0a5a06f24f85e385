package org.chargingmanager.ocpp.v16;

/**
 * ChangeAvailability.conf: the answer to a {@link ChangeAvailabilityRequest}.
 */
public record ChangeAvailabilityConfirmation(
        AvailabilityStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.CHANGE_AVAILABILITY;
    }
}
