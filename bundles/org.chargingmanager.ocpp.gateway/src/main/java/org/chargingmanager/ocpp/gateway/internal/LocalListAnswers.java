package org.chargingmanager.ocpp.gateway.internal;

import org.chargingmanager.ocpp.v16.GetLocalListVersionConfirmation;
import org.chargingmanager.ocpp.v16.SendLocalListConfirmation;
import org.chargingmanager.ocpp.v16.SendLocalListRequest;
import org.chargingmanager.ocpp.v16.UpdateStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answers to the backend's SendLocalList and GetLocalListVersion (profile LocalAuthListManagement). */
final class LocalListAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(LocalListAnswers.class);

    private LocalListAnswers() {
    }

    static SendLocalListConfirmation send(LocalAuthList list, ConfigurationKeys keys, SendLocalListRequest request,
            String chargeBoxId) {
        if (!keys.getBoolean(ConfigurationKeys.LOCAL_AUTH_LIST_ENABLED)) {
            return new SendLocalListConfirmation(UpdateStatus.NOT_SUPPORTED);
        }
        int entries = request.localAuthorizationList() == null ? 0 : request.localAuthorizationList().size();
        if (entries > LocalAuthList.MAX_ENTRIES) {
            return new SendLocalListConfirmation(UpdateStatus.FAILED);
        }
        UpdateStatus status = list.apply(request);
        LOG.info("chargeBox={} SendLocalList {} version {} with {} entries: {} (list now version {}, {} tags)",
                chargeBoxId, request.updateType().wireValue(), request.listVersion(), entries, status.wireValue(),
                list.version(), list.size());
        return new SendLocalListConfirmation(status);
    }

    /** -1 while the list is switched off (LocalAuthListEnabled=false), 0 when none is installed. */
    static GetLocalListVersionConfirmation version(LocalAuthList list, ConfigurationKeys keys) {
        return new GetLocalListVersionConfirmation(
                keys.getBoolean(ConfigurationKeys.LOCAL_AUTH_LIST_ENABLED) ? list.version() : -1);
    }
}
