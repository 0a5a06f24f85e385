package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Progress of a diagnostics upload.
 */
public enum DiagnosticsStatus implements WireEnum {
    IDLE("Idle"),
    UPLOADED("Uploaded"),
    UPLOAD_FAILED("UploadFailed"),
    UPLOADING("Uploading");

    private final String wireValue;

    DiagnosticsStatus(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
