package org.chargingmanager.ocpp.v16;

/**
 * SetChargingProfile.conf: the answer to a {@link SetChargingProfileRequest}.
 */
public record SetChargingProfileConfirmation(
        ChargingProfileStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.SET_CHARGING_PROFILE;
    }
}
