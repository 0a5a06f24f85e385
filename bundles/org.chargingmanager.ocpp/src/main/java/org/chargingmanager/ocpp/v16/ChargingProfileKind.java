package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * How a charging schedule's start is found: absolute time, recurring daily or weekly, or relative
 * to the transaction start.
 */
public enum ChargingProfileKind implements WireEnum {
    ABSOLUTE("Absolute"),
    RECURRING("Recurring"),
    RELATIVE("Relative");

    private final String wireValue;

    ChargingProfileKind(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
