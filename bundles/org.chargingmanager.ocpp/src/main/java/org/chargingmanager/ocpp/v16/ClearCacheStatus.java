package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Answer to a ClearCache.
 */
public enum ClearCacheStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String wireValue;

    ClearCacheStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
