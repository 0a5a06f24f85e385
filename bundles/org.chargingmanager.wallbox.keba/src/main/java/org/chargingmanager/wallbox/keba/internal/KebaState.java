package org.chargingmanager.wallbox.keba.internal;

import org.chargingmanager.api.evse.EvseState;

/** Turns report 2's {@code State} and {@code Plug} into an {@link EvseState}. Pure. */
final class KebaState {

    private KebaState() {
    }

    /**
     * @param report          report 2
     * @param chargingAllowed whether the box is enabled with a current a car can charge with
     */
    static EvseState of(KebaMessage.Settings report, boolean chargingAllowed) {
        if (report.state() == 4) {
            return EvseState.FAULTED;
        }
        if (report.state() == 0) {
            return EvseState.UNAVAILABLE;
        }
        if (!report.carConnected()) {
            return known(report.state()) ? EvseState.AVAILABLE : EvseState.FAULTED;
        }
        return switch (report.state()) {
            case 3 -> EvseState.CHARGING;
            case 2 -> chargingAllowed ? EvseState.SUSPENDED_EV : EvseState.SUSPENDED_EVSE;
            case 1, 5 -> EvseState.SUSPENDED_EVSE;
            default -> EvseState.FAULTED;
        };
    }

    /** Whether {@link #of} knows the state; an unknown one is reported as a fault. */
    static boolean known(int state) {
        return state >= 0 && state <= 5;
    }
}
