package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Answer to a ChangeConfiguration.
 */
public enum ConfigurationStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected"),
    REBOOT_REQUIRED("RebootRequired"),
    NOT_SUPPORTED("NotSupported");

    private final String wireValue;

    ConfigurationStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
