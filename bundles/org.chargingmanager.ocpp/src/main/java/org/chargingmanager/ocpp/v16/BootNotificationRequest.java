package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * BootNotification.req (charge point → central system, profile Core): sent by the charge point
 * after start-up with its identity.
 *
 * @param chargeBoxSerialNumber deprecated in favour of chargePointSerialNumber
 */
public record BootNotificationRequest(
        @MaxLength(20) String chargePointVendor,
        @MaxLength(20) String chargePointModel,
        @OptionalField @MaxLength(25) String chargePointSerialNumber,
        @OptionalField @MaxLength(25) String chargeBoxSerialNumber,
        @OptionalField @MaxLength(50) String firmwareVersion,
        @OptionalField @MaxLength(20) String iccid,
        @OptionalField @MaxLength(20) String imsi,
        @OptionalField @MaxLength(25) String meterType,
        @OptionalField @MaxLength(25) String meterSerialNumber) implements Request {

    @Override
    public Action action() {
        return Action.BOOT_NOTIFICATION;
    }
}
