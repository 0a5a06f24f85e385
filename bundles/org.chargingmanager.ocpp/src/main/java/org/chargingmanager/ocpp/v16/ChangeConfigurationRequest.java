package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;

/**
 * ChangeConfiguration.req (central system → charge point, profile Core): sets a configuration key.
 */
public record ChangeConfigurationRequest(
        @MaxLength(50) String key,
        @MaxLength(500) String value) implements Request {

    @Override
    public Action action() {
        return Action.CHANGE_CONFIGURATION;
    }
}
