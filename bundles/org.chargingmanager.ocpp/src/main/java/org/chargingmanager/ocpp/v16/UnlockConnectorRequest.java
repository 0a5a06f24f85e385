package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.Minimum;

/**
 * UnlockConnector.req (central system → charge point, profile Core): unlocks a connector's cable.
 */
public record UnlockConnectorRequest(
        @Minimum(1) int connectorId) implements Request {

    @Override
    public Action action() {
        return Action.UNLOCK_CONNECTOR;
    }
}
