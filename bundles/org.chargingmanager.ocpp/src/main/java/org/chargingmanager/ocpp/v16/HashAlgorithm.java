package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Hash algorithm of a CertificateHashData (security extension).
 */
public enum HashAlgorithm implements WireEnum {
    SHA256("SHA256"),
    SHA384("SHA384"),
    SHA512("SHA512");

    private final String wireValue;

    HashAlgorithm(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
