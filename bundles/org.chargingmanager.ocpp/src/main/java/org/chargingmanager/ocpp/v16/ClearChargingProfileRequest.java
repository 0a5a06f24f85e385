package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * ClearChargingProfile.req (central system → charge point, profile Smart Charging): removes the
 * charging profiles that match all given criteria (all profiles when none is given).
 *
 * @param id the chargingProfileId
 */
public record ClearChargingProfileRequest(
        @OptionalField Integer id,
        @OptionalField @Minimum(0) Integer connectorId,
        @OptionalField ChargingProfilePurpose chargingProfilePurpose,
        @OptionalField @Minimum(0) Integer stackLevel) implements Request {

    @Override
    public Action action() {
        return Action.CLEAR_CHARGING_PROFILE;
    }
}
