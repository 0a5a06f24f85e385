package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * One entry of a local authorization list. Without idTagInfo in a differential update the entry is
 * removed.
 */
public record AuthorizationData(
        @MaxLength(20) String idTag,
        @OptionalField IdTagInfo idTagInfo) {
}
