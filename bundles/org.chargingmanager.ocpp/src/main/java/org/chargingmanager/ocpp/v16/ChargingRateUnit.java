package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Unit of a charging schedule's limits: amperes per phase or watts.
 */
public enum ChargingRateUnit implements WireEnum {
    AMPERES("A"),
    WATTS("W");

    private final String wireValue;

    ChargingRateUnit(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
