package org.chargingmanager.ocpp.v16;

/**
 * InstallCertificate.conf: the answer to a {@link InstallCertificateRequest}.
 */
public record InstallCertificateConfirmation(
        CertificateStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.INSTALL_CERTIFICATE;
    }
}
