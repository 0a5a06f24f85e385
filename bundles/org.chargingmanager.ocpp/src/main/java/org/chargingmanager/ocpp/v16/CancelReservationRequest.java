package org.chargingmanager.ocpp.v16;

/**
 * CancelReservation.req (central system → charge point, profile Reservation): cancels a
 * reservation.
 */
public record CancelReservationRequest(
        int reservationId) implements Request {

    @Override
    public Action action() {
        return Action.CANCEL_RESERVATION;
    }
}
