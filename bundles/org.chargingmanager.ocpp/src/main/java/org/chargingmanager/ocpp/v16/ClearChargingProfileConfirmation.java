package org.chargingmanager.ocpp.v16;

/**
 * ClearChargingProfile.conf: the answer to a {@link ClearChargingProfileRequest}.
 */
public record ClearChargingProfileConfirmation(
        ClearChargingProfileStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.CLEAR_CHARGING_PROFILE;
    }
}
