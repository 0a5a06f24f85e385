package org.chargingmanager.ocpp.v16;

/**
 * CertificateSigned.conf: the answer to a {@link CertificateSignedRequest}.
 */
public record CertificateSignedConfirmation(
        CertificateSignedStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.CERTIFICATE_SIGNED;
    }
}
