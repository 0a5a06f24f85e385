package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Kind of root certificate (security extension).
 */
public enum CertificateUse implements WireEnum {
    CENTRAL_SYSTEM_ROOT_CERTIFICATE("CentralSystemRootCertificate"),
    MANUFACTURER_ROOT_CERTIFICATE("ManufacturerRootCertificate");

    private final String wireValue;

    CertificateUse(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
