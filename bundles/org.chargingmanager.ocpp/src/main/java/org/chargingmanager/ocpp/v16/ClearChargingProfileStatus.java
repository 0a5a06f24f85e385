package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Answer to a ClearChargingProfile.
 */
public enum ClearChargingProfileStatus implements WireEnum {
    ACCEPTED("Accepted"),
    UNKNOWN("Unknown");

    private final String wireValue;

    ClearChargingProfileStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
