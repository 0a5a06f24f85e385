package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * Status of an idTag, and until when and under which parent it is valid.
 *
 * @param expiryDate when the idTag expires; absent: no expiry known
 * @param parentIdTag the group idTag
 */
public record IdTagInfo(
        @OptionalField Instant expiryDate,
        @OptionalField @MaxLength(20) String parentIdTag,
        AuthorizationStatus status) {
}
