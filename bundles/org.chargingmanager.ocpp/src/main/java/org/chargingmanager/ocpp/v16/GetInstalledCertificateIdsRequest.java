package org.chargingmanager.ocpp.v16;

/**
 * GetInstalledCertificateIds.req (central system → charge point, profile Security): lists the
 * installed root certificates of a kind (security extension).
 */
public record GetInstalledCertificateIdsRequest(
        CertificateUse certificateType) implements Request {

    @Override
    public Action action() {
        return Action.GET_INSTALLED_CERTIFICATE_IDS;
    }
}
