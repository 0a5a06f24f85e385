package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Kind of Reset: a hard reset restarts the hardware, a soft reset the software.
 */
public enum ResetType implements WireEnum {
    HARD("Hard"),
    SOFT("Soft");

    private final String wireValue;

    ResetType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
