package org.chargingmanager.wallbox.cfos.internal;

import org.chargingmanager.api.evse.EvseState;

/** Turns the cFos charging state register (IEC 61851 state in the low byte) into an {@link EvseState}. Pure. */
final class CfosState {

    private CfosState() {
    }

    /**
     * @param register        the raw value of {@link CfosRegisters#CHARGING_STATE}
     * @param chargingAllowed whether the box is enabled with a limit a car can charge with
     */
    static EvseState of(int register, boolean chargingAllowed) {
        return switch (register & 0xFF) {
            case 0 -> EvseState.AVAILABLE;
            case 1 -> chargingAllowed ? EvseState.SUSPENDED_EV : EvseState.SUSPENDED_EVSE;
            case 2, 3 -> EvseState.CHARGING;
            case 5 -> EvseState.SUSPENDED_EVSE;
            default -> EvseState.FAULTED;
        };
    }

    /** Whether {@link #of} knows the value; an unknown one is reported as a fault. */
    static boolean known(int register) {
        int state = register & 0xFF;
        return state <= 5;
    }
}
