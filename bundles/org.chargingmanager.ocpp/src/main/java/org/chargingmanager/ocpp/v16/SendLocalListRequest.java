package org.chargingmanager.ocpp.v16;

import java.util.List;

import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * SendLocalList.req (central system → charge point, profile Local Auth List Management): replaces
 * or updates the local authorization list.
 */
public record SendLocalListRequest(
        int listVersion,
        @OptionalField List<AuthorizationData> localAuthorizationList,
        UpdateType updateType) implements Request {

    @Override
    public Action action() {
        return Action.SEND_LOCAL_LIST;
    }
}
