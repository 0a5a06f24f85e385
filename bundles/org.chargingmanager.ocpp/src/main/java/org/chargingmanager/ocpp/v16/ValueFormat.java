package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Whether a sampled value is a plain number or signed data (e.g. OCMF for German calibration law).
 */
public enum ValueFormat implements WireEnum {
    RAW("Raw"),
    SIGNED_DATA("SignedData");

    private final String wireValue;

    ValueFormat(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
