package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;

/**
 * Authorize.req (charge point → central system, profile Core): asks whether an idTag may charge.
 */
public record AuthorizeRequest(
        @MaxLength(20) String idTag) implements Request {

    @Override
    public Action action() {
        return Action.AUTHORIZE;
    }
}
