package org.chargingmanager.ocpp.v16;

/**
 * SignedUpdateFirmware.conf: the answer to a {@link SignedUpdateFirmwareRequest}.
 */
public record SignedUpdateFirmwareConfirmation(
        UpdateFirmwareStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.SIGNED_UPDATE_FIRMWARE;
    }
}
