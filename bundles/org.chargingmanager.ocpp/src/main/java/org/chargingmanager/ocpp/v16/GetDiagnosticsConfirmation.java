package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * GetDiagnostics.conf: the answer to a {@link GetDiagnosticsRequest}.
 */
public record GetDiagnosticsConfirmation(
        @OptionalField @MaxLength(255) String fileName) implements Confirmation {

    @Override
    public Action action() {
        return Action.GET_DIAGNOSTICS;
    }
}
