package org.chargingmanager.ocpp.v16;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.ocpp.schema.DecimalPlaces;
import org.chargingmanager.ocpp.schema.MinItems;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * Limits over time.
 *
 * @param duration length of the schedule in seconds; absent: the last period lasts until the transaction ends
 * @param startSchedule start of an absolute schedule
 * @param chargingSchedulePeriod the periods in ascending order of startPeriod
 * @param minChargingRate the lowest rate the car charges efficiently with, in chargingRateUnit
 */
public record ChargingSchedule(
        @OptionalField @Minimum(0) Integer duration,
        @OptionalField Instant startSchedule,
        ChargingRateUnit chargingRateUnit,
        @MinItems(1) List<ChargingSchedulePeriod> chargingSchedulePeriod,
        @OptionalField @Minimum(0) @DecimalPlaces(1) Double minChargingRate) {
}
