package org.chargingmanager.ocpp.v16;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.ocpp.schema.MinItems;

/**
 * The sampled values taken at one moment.
 */
public record MeterValue(
        Instant timestamp,
        @MinItems(1) List<SampledValue> sampledValue) {
}
