package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Period of a recurring charging profile.
 */
public enum RecurrencyKind implements WireEnum {
    DAILY("Daily"),
    WEEKLY("Weekly");

    private final String wireValue;

    RecurrencyKind(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
