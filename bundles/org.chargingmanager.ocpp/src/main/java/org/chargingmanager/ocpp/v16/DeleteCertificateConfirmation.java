package org.chargingmanager.ocpp.v16;

/**
 * DeleteCertificate.conf: the answer to a {@link DeleteCertificateRequest}.
 */
public record DeleteCertificateConfirmation(
        DeleteCertificateStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.DELETE_CERTIFICATE;
    }
}
