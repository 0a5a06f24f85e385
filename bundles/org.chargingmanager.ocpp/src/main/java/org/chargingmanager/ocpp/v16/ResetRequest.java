package org.chargingmanager.ocpp.v16;

/**
 * Reset.req (central system → charge point, profile Core): restarts the charge point.
 */
public record ResetRequest(
        ResetType type) implements Request {

    @Override
    public Action action() {
        return Action.RESET;
    }
}
