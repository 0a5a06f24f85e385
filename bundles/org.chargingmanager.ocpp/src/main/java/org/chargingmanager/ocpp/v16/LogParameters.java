package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * Where to upload a log and which period it covers (security extension).
 */
public record LogParameters(
        @MaxLength(512) String remoteLocation,
        @OptionalField Instant oldestTimestamp,
        @OptionalField Instant latestTimestamp) {
}
