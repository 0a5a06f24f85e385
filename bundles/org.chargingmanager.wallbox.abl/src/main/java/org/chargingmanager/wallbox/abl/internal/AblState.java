package org.chargingmanager.wallbox.abl.internal;

import java.util.Map;

import org.chargingmanager.api.evse.EvseState;

/**
 * ABL's state byte (eMH1 register 0x04 / 0x2E, eM4 0x3031): the IEC 61851 state letter in the high nibble (A..F,
 * written as 0xA..0xF) and a detail in the low one.
 */
final class AblState {

    static final int WAITING_FOR_EV = 0xA1;
    static final int OUTLET_DISABLED = 0xE0;

    private static final Map<Integer, String> NAMES = Map.ofEntries(Map.entry(0xA1, "waiting for a car"),
            Map.entry(0xB1, "car asks to charge"), Map.entry(0xB2, "car may charge"), Map.entry(0xC2, "charging"),
            Map.entry(0xC3, "charging, current reduced (F16/F17)"), Map.entry(0xC4, "charging, current reduced "
                    + "(imbalance F15)"), Map.entry(0xE0, "outlet disabled"), Map.entry(0xE1, "production test"),
            Map.entry(0xE2, "EVCC setup mode"), Map.entry(0xE3, "bus idle"), Map.entry(0xF1, "welded contactor"),
            Map.entry(0xF2, "internal error"), Map.entry(0xF3, "DC residual current"), Map.entry(0xF4,
                    "upstream communication timeout"), Map.entry(0xF5, "socket lock failed"), Map.entry(0xF6,
                            "CS out of range"), Map.entry(0xF7, "state D requested by the car"), Map.entry(0xF8,
                                    "CP out of range"), Map.entry(0xF9, "overcurrent"), Map.entry(0xFA,
                                            "temperature outside limits"), Map.entry(0xFB, "contactor opened"));

    private AblState() {
    }

    /** Whether the code is one ABL documents. */
    static boolean known(int code) {
        return NAMES.containsKey(code);
    }

    static String describe(int code) {
        return String.format("%02X (%s)", code, NAMES.getOrDefault(code, "unknown"));
    }

    /**
     * @param allowed whether the driver lets the car charge now
     */
    static EvseState evseState(int code, boolean allowed) {
        return switch (code >> 4) {
            case 0xA -> EvseState.AVAILABLE;
            case 0xB -> code == 0xB2 && allowed ? EvseState.SUSPENDED_EV : EvseState.SUSPENDED_EVSE;
            case 0xC, 0xD -> EvseState.CHARGING;
            case 0xE -> EvseState.UNAVAILABLE;
            default -> EvseState.FAULTED;
        };
    }
}
