package org.chargingmanager.ocpp.v16;

/**
 * ReserveNow.conf: the answer to a {@link ReserveNowRequest}.
 */
public record ReserveNowConfirmation(
        ReservationStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.RESERVE_NOW;
    }
}
