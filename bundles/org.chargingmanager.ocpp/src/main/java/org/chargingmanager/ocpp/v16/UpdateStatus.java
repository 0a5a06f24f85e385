package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Answer to a SendLocalList.
 */
public enum UpdateStatus implements WireEnum {
    ACCEPTED("Accepted"),
    FAILED("Failed"),
    NOT_SUPPORTED("NotSupported"),
    VERSION_MISMATCH("VersionMismatch");

    private final String wireValue;

    UpdateStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
