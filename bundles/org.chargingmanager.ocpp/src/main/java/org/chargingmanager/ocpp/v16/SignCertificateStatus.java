package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Answer to a SignCertificate (security extension).
 */
public enum SignCertificateStatus implements WireEnum {
    ACCEPTED("Accepted"),
    REJECTED("Rejected");

    private final String wireValue;

    SignCertificateStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
