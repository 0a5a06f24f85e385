package org.chargingmanager.ocpp.v16.metering;

import org.chargingmanager.ocpp.v16.SampledValue;

/**
 * A sampled value that has no number in a base unit, and why: signed data (handled by the
 * signed meter value checker, not here), a value that is not a decimal number, or a unit that
 * does not fit the measurand.
 */
public record SkippedSample(SampledValue sampledValue, String reason) {
}
