package org.chargingmanager.ocpp.server.internal.web;

import java.util.Locale;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.ocpp.v16.ChangeConfigurationRequest;
import org.chargingmanager.ocpp.v16.Request;

/**
 * Operator CALLs the generic HTTP call refuses because sending them bare would break the
 * central system's own bookkeeping.
 */
final class OperatorCallPolicy {

    private OperatorCallPolicy() {
    }

    /** @return why this request is refused, or null to send it */
    static UserMessage refusal(Request request) {
        if (request instanceof ChangeConfigurationRequest change
                && change.key().strip().toLowerCase(Locale.ROOT).equals("authorizationkey")) {
            return UserMessage.of("ocpp.useChangePassword", "ChangeConfiguration of AuthorizationKey would lock the charge "
                    + "point out: the central system must store the new password at the same time; use POST "
                    + ".../change-password (docs/ocpp.md)");
        }
        if (request instanceof ChangeConfigurationRequest change
                && change.key().strip().toLowerCase(Locale.ROOT).equals("securityprofile")) {
            return UserMessage.of("ocpp.useSecurityProfile", "ChangeConfiguration of SecurityProfile must go with the "
                    + "central system's minimum profile and checks (TLS, password, client certificates), or the charge point "
                    + "may lock itself out or be downgraded later; use POST .../security-profile with {\"securityProfile\": N}"
                    + " (docs/ocpp.md)");
        }
        return null;
    }
}
