package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * SignedUpdateFirmware.req (central system → charge point, profile Security): asks the charge
 * point to download and install signed firmware (security extension).
 *
 * @param retryInterval seconds between retries
 */
public record SignedUpdateFirmwareRequest(
        @OptionalField @Minimum(0) Integer retries,
        @OptionalField @Minimum(0) Integer retryInterval,
        int requestId,
        Firmware firmware) implements Request {

    @Override
    public Action action() {
        return Action.SIGNED_UPDATE_FIRMWARE;
    }
}
