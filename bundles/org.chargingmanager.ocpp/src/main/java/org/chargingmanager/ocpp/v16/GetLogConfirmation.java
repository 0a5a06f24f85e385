package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * GetLog.conf: the answer to a {@link GetLogRequest}.
 */
public record GetLogConfirmation(
        LogStatus status,
        @OptionalField @MaxLength(255) String filename) implements Confirmation {

    @Override
    public Action action() {
        return Action.GET_LOG;
    }
}
