package org.chargingmanager.ocpp.v16;

import java.util.List;

import org.chargingmanager.ocpp.schema.MinItems;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * GetInstalledCertificateIds.conf: the answer to a {@link GetInstalledCertificateIdsRequest}.
 */
public record GetInstalledCertificateIdsConfirmation(
        @OptionalField @MinItems(1) List<CertificateHashData> certificateHashData,
        GetInstalledCertificateStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.GET_INSTALLED_CERTIFICATE_IDS;
    }
}
