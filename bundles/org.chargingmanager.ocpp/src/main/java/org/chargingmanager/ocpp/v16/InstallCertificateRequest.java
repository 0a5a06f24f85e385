package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.MaxLength;

/**
 * InstallCertificate.req (central system → charge point, profile Security): installs a root
 * certificate (security extension).
 *
 * @param certificate PEM certificate
 */
public record InstallCertificateRequest(
        CertificateUse certificateType,
        @MaxLength(5500) String certificate) implements Request {

    @Override
    public Action action() {
        return Action.INSTALL_CERTIFICATE;
    }
}
