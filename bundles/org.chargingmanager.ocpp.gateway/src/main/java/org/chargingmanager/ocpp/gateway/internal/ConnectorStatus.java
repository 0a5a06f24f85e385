package org.chargingmanager.ocpp.gateway.internal;

import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.ocpp.v16.ChargePointStatus;

/** A charging point's state as the OCPP status of its connector. Pure. */
final class ConnectorStatus {

    private ConnectorStatus() {
    }

    /**
     * @param snapshot null when the charging point is not there
     * @param inTransaction whether a transaction runs on the connector
     * @param afterTransaction whether a transaction ended while the car is still connected
     */
    static ChargePointStatus of(EvseSnapshot snapshot, boolean stale, boolean inoperative, boolean inTransaction,
            boolean afterTransaction) {
        if (snapshot == null || stale || snapshot.state() == EvseState.OFFLINE) {
            return ChargePointStatus.UNAVAILABLE;
        }
        EvseState state = snapshot.state();
        if (state == EvseState.FAULTED) {
            return ChargePointStatus.FAULTED;
        }
        if (inoperative && !inTransaction) {
            return ChargePointStatus.UNAVAILABLE;
        }
        if (!state.vehicleConnected()) {
            return switch (state) {
                case RESERVED -> ChargePointStatus.RESERVED;
                case UNAVAILABLE -> ChargePointStatus.UNAVAILABLE;
                default -> ChargePointStatus.AVAILABLE;
            };
        }
        if (!inTransaction) {
            return afterTransaction ? ChargePointStatus.FINISHING : ChargePointStatus.PREPARING;
        }
        return switch (state) {
            case CHARGING -> ChargePointStatus.CHARGING;
            case SUSPENDED_EV -> ChargePointStatus.SUSPENDED_EV;
            case FINISHING -> ChargePointStatus.FINISHING;
            default -> ChargePointStatus.SUSPENDED_EVSE;
        };
    }
}
