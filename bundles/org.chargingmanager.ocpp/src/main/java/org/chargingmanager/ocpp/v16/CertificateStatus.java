package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Answer to an InstallCertificate (security extension).
 */
public enum CertificateStatus implements WireEnum {
    ACCEPTED("Accepted"),
    FAILED("Failed"),
    REJECTED("Rejected");

    private final String wireValue;

    CertificateStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
