package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * A signed firmware image to download and install (security extension).
 *
 * @param location URI of the firmware image
 * @param signingCertificate PEM certificate the firmware is signed with
 * @param signature base64 signature of the firmware
 */
public record Firmware(
        @MaxLength(512) String location,
        Instant retrieveDateTime,
        @OptionalField Instant installDateTime,
        @MaxLength(5500) String signingCertificate,
        @MaxLength(800) String signature) {
}
