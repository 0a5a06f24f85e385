package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * One configuration key of a GetConfiguration answer.
 */
public record KeyValue(
        @MaxLength(50) String key,
        boolean readonly,
        @OptionalField @MaxLength(500) String value) {
}
