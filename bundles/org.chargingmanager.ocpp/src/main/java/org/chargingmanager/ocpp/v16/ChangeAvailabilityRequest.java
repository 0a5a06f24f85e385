package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.Minimum;

/**
 * ChangeAvailability.req (central system → charge point, profile Core): makes a connector (or the
 * whole charge point) operative or inoperative.
 *
 * @param connectorId the connector, 1 and up; 0 means the charge point as a whole
 */
public record ChangeAvailabilityRequest(
        @Minimum(0) int connectorId,
        AvailabilityType type) implements Request {

    @Override
    public Action action() {
        return Action.CHANGE_AVAILABILITY;
    }
}
