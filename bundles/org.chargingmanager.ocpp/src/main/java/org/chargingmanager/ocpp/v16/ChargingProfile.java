package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * A charging profile (csChargingProfiles): a schedule of limits with its purpose and stack level.
 *
 * @param transactionId only for purpose TxProfile
 * @param stackLevel higher levels override lower ones of the same purpose
 * @param recurrencyKind only for kind Recurring
 */
public record ChargingProfile(
        int chargingProfileId,
        @OptionalField Integer transactionId,
        @Minimum(0) int stackLevel,
        ChargingProfilePurpose chargingProfilePurpose,
        ChargingProfileKind chargingProfileKind,
        @OptionalField RecurrencyKind recurrencyKind,
        @OptionalField Instant validFrom,
        @OptionalField Instant validTo,
        ChargingSchedule chargingSchedule) {
}
