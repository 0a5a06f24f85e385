package org.chargingmanager.ocpp.v16;

import java.util.List;

import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * GetConfiguration.req (central system → charge point, profile Core): reads configuration keys
 * (all when none is given).
 */
public record GetConfigurationRequest(
        @OptionalField @MaxLength(50) List<String> key) implements Request {

    @Override
    public Action action() {
        return Action.GET_CONFIGURATION;
    }
}
