package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Whether a SendLocalList replaces the local authorization list or changes it.
 */
public enum UpdateType implements WireEnum {
    DIFFERENTIAL("Differential"),
    FULL("Full");

    private final String wireValue;

    UpdateType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
