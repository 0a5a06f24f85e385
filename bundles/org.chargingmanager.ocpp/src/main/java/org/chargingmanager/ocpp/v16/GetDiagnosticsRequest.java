package org.chargingmanager.ocpp.v16;

import java.time.Instant;

import org.chargingmanager.ocpp.schema.AbsoluteUri;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * GetDiagnostics.req (central system → charge point, profile Firmware Management): asks the charge
 * point to upload a diagnostics file.
 *
 * @param location where to upload, e.g. ftp://user:password@host/path
 * @param retryInterval seconds between retries
 */
public record GetDiagnosticsRequest(
        @AbsoluteUri String location,
        @OptionalField @Minimum(0) Integer retries,
        @OptionalField @Minimum(0) Integer retryInterval,
        @OptionalField Instant startTime,
        @OptionalField Instant stopTime) implements Request {

    @Override
    public Action action() {
        return Action.GET_DIAGNOSTICS;
    }
}
