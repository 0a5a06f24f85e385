package org.chargingmanager.api.device;

/** The voltage of each phase against neutral, in volts. */
public record PhaseVoltages(double l1Volts, double l2Volts, double l3Volts) {

    /** Nominal European low-voltage grid: 230 V on each phase. */
    public static final PhaseVoltages NOMINAL = new PhaseVoltages(230, 230, 230);
}
