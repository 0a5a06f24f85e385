package org.chargingmanager.wallbox.alfen.internal;

import org.chargingmanager.api.evse.EvseState;

/** Turns the socket's Mode 3 state (IEC 61851) and availability into an {@link EvseState}. Pure. */
final class AlfenState {

    private AlfenState() {
    }

    /**
     * @param mode3     A, B1, B2, C1, C2, D1, D2, E or F; "1" states: the socket offers no current (paused)
     * @param available the availability register is 1 (operative)
     */
    static EvseState of(String mode3, boolean available) {
        if (!available) {
            return EvseState.UNAVAILABLE;
        }
        return switch (mode3) {
            case "A" -> EvseState.AVAILABLE;
            case "B1", "C1", "D1" -> EvseState.SUSPENDED_EVSE;
            case "B2" -> EvseState.SUSPENDED_EV;
            case "C2", "D2" -> EvseState.CHARGING;
            default -> EvseState.FAULTED;
        };
    }

    static boolean known(String mode3) {
        return switch (mode3) {
            case "A", "B1", "B2", "C1", "C2", "D1", "D2", "E", "F" -> true;
            default -> false;
        };
    }
}
