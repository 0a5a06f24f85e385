package org.chargingmanager.ocpp.v16.metering;

import java.time.Instant;

import org.chargingmanager.ocpp.v16.Location;
import org.chargingmanager.ocpp.v16.Measurand;
import org.chargingmanager.ocpp.v16.Phase;
import org.chargingmanager.ocpp.v16.ReadingContext;

/**
 * One sampled value as a number in its base unit, with the specification's defaults filled in.
 *
 * @param timestamp when the value was measured (its MeterValue's timestamp)
 * @param measurand never null: absent on the wire means Energy.Active.Import.Register
 * @param phase null when the value is not for one phase (a total, or the charger did not say)
 * @param location never null: absent means Outlet
 * @param context never null: absent means Sample.Periodic
 * @param value in {@code unit}, e.g. 11000 for {@code 11 kW}
 */
public record NormalizedSample(Instant timestamp, Measurand measurand, Phase phase, Location location,
        ReadingContext context, double value, BaseUnit unit) {
}
