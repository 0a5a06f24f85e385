package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.AbsoluteUri;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * UpdateFirmware.req (central system → charge point, profile Firmware Management): asks the charge
 * point to download and install firmware.
 *
 * @param retryInterval seconds between retries
 */
public record UpdateFirmwareRequest(
        @AbsoluteUri String location,
        @OptionalField @Minimum(0) Integer retries,
        Instant retrieveDate,
        @OptionalField @Minimum(0) Integer retryInterval) implements Request {

    @Override
    public Action action() {
        return Action.UPDATE_FIRMWARE;
    }
}
