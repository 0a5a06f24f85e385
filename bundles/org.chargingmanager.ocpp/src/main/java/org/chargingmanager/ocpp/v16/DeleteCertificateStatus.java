package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Answer to a DeleteCertificate (security extension).
 */
public enum DeleteCertificateStatus implements WireEnum {
    ACCEPTED("Accepted"),
    FAILED("Failed"),
    NOT_FOUND("NotFound");

    private final String wireValue;

    DeleteCertificateStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
