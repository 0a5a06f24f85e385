package org.chargingmanager.ocpp.v16;

/**
 * UpdateFirmware.conf: the answer to a {@link UpdateFirmwareRequest}.
 */
public record UpdateFirmwareConfirmation() implements Confirmation {

    @Override
    public Action action() {
        return Action.UPDATE_FIRMWARE;
    }
}
