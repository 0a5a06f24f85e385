package org.chargingmanager.ocpp.v16;

/**
 * DeleteCertificate.req (central system → charge point, profile Security): deletes an installed
 * root certificate (security extension).
 */
public record DeleteCertificateRequest(
        CertificateHashData certificateHashData) implements Request {

    @Override
    public Action action() {
        return Action.DELETE_CERTIFICATE;
    }
}
