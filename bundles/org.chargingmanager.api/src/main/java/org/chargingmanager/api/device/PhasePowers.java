package org.chargingmanager.api.device;

/** Active power on each phase, in watts. Positive is drawn from the grid. */
public record PhasePowers(double l1Watts, double l2Watts, double l3Watts) {

    public static final PhasePowers ZERO = new PhasePowers(0, 0, 0);

    public double totalWatts() {
        return l1Watts + l2Watts + l3Watts;
    }
}
