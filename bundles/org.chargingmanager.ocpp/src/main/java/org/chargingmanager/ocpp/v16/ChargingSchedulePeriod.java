package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.DecimalPlaces;
import org.chargingmanager.ocpp.schema.Maximum;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * One period of a charging schedule: from startPeriod on, charge at most limit.
 *
 * @param startPeriod start of the period in seconds from the start of the schedule
 * @param limit the limit in the schedule's chargingRateUnit (A per phase or W), at most one decimal
 * @param numberPhases phases the charger may use; absent means 3
 */
public record ChargingSchedulePeriod(
        @Minimum(0) int startPeriod,
        @Minimum(0) @DecimalPlaces(1) double limit,
        @OptionalField @Minimum(1) @Maximum(3) Integer numberPhases) {
}
