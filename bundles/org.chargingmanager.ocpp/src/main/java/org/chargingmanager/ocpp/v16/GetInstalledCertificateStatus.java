package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Answer to a GetInstalledCertificateIds (security extension).
 */
public enum GetInstalledCertificateStatus implements WireEnum {
    ACCEPTED("Accepted"),
    NOT_FOUND("NotFound");

    private final String wireValue;

    GetInstalledCertificateStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
