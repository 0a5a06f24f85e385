package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;

/**
 * SignCertificate.req (charge point → central system, profile Security): sends a certificate
 * signing request for the charge point's client certificate (security extension).
 *
 * @param csr PEM certificate signing request
 */
public record SignCertificateRequest(
        @MaxLength(5500) String csr) implements Request {

    @Override
    public Action action() {
        return Action.SIGN_CERTIFICATE;
    }
}
