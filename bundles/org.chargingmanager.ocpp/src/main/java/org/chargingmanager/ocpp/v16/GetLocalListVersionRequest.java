package org.chargingmanager.ocpp.v16;

/**
 * GetLocalListVersion.req (central system → charge point, profile Local Auth List Management):
 * asks for the version of the local authorization list.
 */
public record GetLocalListVersionRequest() implements Request {

    @Override
    public Action action() {
        return Action.GET_LOCAL_LIST_VERSION;
    }
}
