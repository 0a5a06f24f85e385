package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * The availability a ChangeAvailability asks for.
 */
public enum AvailabilityType implements WireEnum {
    INOPERATIVE("Inoperative"),
    OPERATIVE("Operative");

    private final String wireValue;

    AvailabilityType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
