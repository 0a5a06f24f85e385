package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * GetLog.req (central system → charge point, profile Security): asks the charge point to upload a
 * diagnostics or security log (security extension).
 *
 * @param retryInterval seconds between retries
 */
public record GetLogRequest(
        LogParameters log,
        LogType logType,
        int requestId,
        @OptionalField @Minimum(0) Integer retries,
        @OptionalField @Minimum(0) Integer retryInterval) implements Request {

    @Override
    public Action action() {
        return Action.GET_LOG;
    }
}
