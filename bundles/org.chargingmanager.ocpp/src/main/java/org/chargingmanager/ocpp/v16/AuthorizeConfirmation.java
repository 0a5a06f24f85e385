package org.chargingmanager.ocpp.v16;

/**
 * Authorize.conf: the answer to a {@link AuthorizeRequest}.
 */
public record AuthorizeConfirmation(
        IdTagInfo idTagInfo) implements Confirmation {

    @Override
    public Action action() {
        return Action.AUTHORIZE;
    }
}
