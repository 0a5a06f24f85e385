package org.chargingmanager.ocpp.v16;

/**
 * ChangeConfiguration.conf: the answer to a {@link ChangeConfigurationRequest}.
 */
public record ChangeConfigurationConfirmation(
        ConfigurationStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.CHANGE_CONFIGURATION;
    }
}
