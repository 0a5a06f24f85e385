package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;

/**
 * CertificateSigned.req (central system → charge point, profile Security): sends the charge point
 * its new certificate chain (security extension).
 *
 * @param certificateChain PEM certificate chain
 */
public record CertificateSignedRequest(
        @MaxLength(10000) String certificateChain) implements Request {

    @Override
    public Action action() {
        return Action.CERTIFICATE_SIGNED;
    }
}
