package org.chargingmanager.ocpp.v16;

import java.util.List;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * GetConfiguration.conf: the answer to a {@link GetConfigurationRequest}.
 */
public record GetConfigurationConfirmation(
        @OptionalField List<KeyValue> configurationKey,
        @OptionalField @MaxLength(50) List<String> unknownKey) implements Confirmation {

    @Override
    public Action action() {
        return Action.GET_CONFIGURATION;
    }
}
