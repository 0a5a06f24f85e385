package org.chargingmanager.ocpp.v16;

/**
 * SignCertificate.conf: the answer to a {@link SignCertificateRequest}.
 */
public record SignCertificateConfirmation(
        SignCertificateStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.SIGN_CERTIFICATE;
    }
}
