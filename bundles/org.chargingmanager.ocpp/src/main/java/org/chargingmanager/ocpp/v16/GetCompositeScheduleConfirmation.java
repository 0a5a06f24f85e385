package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * GetCompositeSchedule.conf: the answer to a {@link GetCompositeScheduleRequest}.
 */
public record GetCompositeScheduleConfirmation(
        GetCompositeScheduleStatus status,
        @OptionalField @Minimum(0) Integer connectorId,
        @OptionalField Instant scheduleStart,
        @OptionalField ChargingSchedule chargingSchedule) implements Confirmation {

    @Override
    public Action action() {
        return Action.GET_COMPOSITE_SCHEDULE;
    }
}
