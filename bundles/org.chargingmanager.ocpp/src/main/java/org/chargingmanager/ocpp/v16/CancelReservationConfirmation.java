package org.chargingmanager.ocpp.v16;

/**
 * CancelReservation.conf: the answer to a {@link CancelReservationRequest}.
 */
public record CancelReservationConfirmation(
        CancelReservationStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.CANCEL_RESERVATION;
    }
}
