package org.chargingmanager.ocpp.server.internal;

import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.ocpp.v16.ChargePointStatus;

/** OCPP ChargePointStatus to {@link EvseState}: the names match one to one. */
final class EvseStates {

    private EvseStates() {
    }

    static EvseState of(ChargePointStatus status) {
        return switch (status) {
            case AVAILABLE -> EvseState.AVAILABLE;
            case PREPARING -> EvseState.PREPARING;
            case CHARGING -> EvseState.CHARGING;
            case SUSPENDED_EV -> EvseState.SUSPENDED_EV;
            case SUSPENDED_EVSE -> EvseState.SUSPENDED_EVSE;
            case FINISHING -> EvseState.FINISHING;
            case RESERVED -> EvseState.RESERVED;
            case UNAVAILABLE -> EvseState.UNAVAILABLE;
            case FAULTED -> EvseState.FAULTED;
        };
    }
}
