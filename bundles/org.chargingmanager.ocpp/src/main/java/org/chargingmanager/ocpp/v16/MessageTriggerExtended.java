package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Message an ExtendedTriggerMessage asks the charge point to send (security extension).
 */
public enum MessageTriggerExtended implements WireEnum {
    BOOT_NOTIFICATION("BootNotification"),
    LOG_STATUS_NOTIFICATION("LogStatusNotification"),
    FIRMWARE_STATUS_NOTIFICATION("FirmwareStatusNotification"),
    HEARTBEAT("Heartbeat"),
    METER_VALUES("MeterValues"),
    SIGN_CHARGE_POINT_CERTIFICATE("SignChargePointCertificate"),
    STATUS_NOTIFICATION("StatusNotification");

    private final String wireValue;

    MessageTriggerExtended(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }
}
