package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.Minimum;

/**
 * SetChargingProfile.req (central system → charge point, profile Smart Charging): installs a
 * charging profile on a connector (0: the charge point as a whole).
 *
 * @param connectorId the connector, 1 and up; 0 means the charge point as a whole
 */
public record SetChargingProfileRequest(
        @Minimum(0) int connectorId,
        ChargingProfile csChargingProfiles) implements Request {

    @Override
    public Action action() {
        return Action.SET_CHARGING_PROFILE;
    }
}
