package org.chargingmanager.ocpp.v16;

/**
 * SendLocalList.conf: the answer to a {@link SendLocalListRequest}.
 */
public record SendLocalListConfirmation(
        UpdateStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.SEND_LOCAL_LIST;
    }
}
