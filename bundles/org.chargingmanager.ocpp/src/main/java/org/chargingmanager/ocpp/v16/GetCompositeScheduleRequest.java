package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * GetCompositeSchedule.req (central system → charge point, profile Smart Charging): asks for the
 * schedule that results from all active profiles of a connector.
 *
 * @param connectorId the connector, 1 and up; 0 means the charge point as a whole
 * @param duration length of the requested schedule in seconds
 */
public record GetCompositeScheduleRequest(
        @Minimum(0) int connectorId,
        @Minimum(0) int duration,
        @OptionalField ChargingRateUnit chargingRateUnit) implements Request {

    @Override
    public Action action() {
        return Action.GET_COMPOSITE_SCHEDULE;
    }
}
