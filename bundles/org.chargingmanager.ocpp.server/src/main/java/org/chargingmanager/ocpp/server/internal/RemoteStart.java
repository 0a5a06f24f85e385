package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;

import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.ocpp.v16.ChargingProfile;
import org.chargingmanager.ocpp.v16.ChargingProfilePurpose;
import org.chargingmanager.ocpp.v16.RemoteStartTransactionRequest;
import org.chargingmanager.ocpp.v16.SetChargingProfileRequest;

/**
 * The RemoteStartTransaction an operator's remote start becomes: with a TxProfile carrying the
 * load manager's current limit for that connector when one is known (so the session starts
 * within the house connection's budget, OCPP 1.6 §5.11), else without a profile. No profile
 * either when no connector is named (the charge point picks one) or when the charge point has
 * rejected TxProfile before. The profile has no transactionId, as the specification demands,
 * and the same id as the TxProfile the load manager's later limits use, so they replace it.
 */
final class RemoteStart {

    private RemoteStart() {
    }

    static RemoteStartTransactionRequest request(ChargePoint chargePoint, Integer connectorId, String idTag) {
        ChargingProfile profile = null;
        if (connectorId != null && connectorId > 0) {
            ChargingLimit limit = chargePoint.desiredLimit(connectorId);
            SmartCharging smart = chargePoint.smartCharging;
            if (limit != null && limit.reason() != LimitReason.NOT_ALLOCATED && limit.reason() != LimitReason.DISABLED
                    && !smart.rejects(ChargingProfilePurpose.TX_PROFILE)) {
                SetChargingProfileRequest built = ProfileBuilder.build(connectorId, ChargingProfilePurpose.TX_PROFILE,
                        null, smart.stackLevel(), smart.unit(), limit, chargePoint.registry().settings().phases(),
                        Instant.now());
                profile = built.csChargingProfiles();
            }
        }
        return new RemoteStartTransactionRequest(connectorId, idTag, profile);
    }
}
