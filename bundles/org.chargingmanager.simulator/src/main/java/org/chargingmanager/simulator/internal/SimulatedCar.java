package org.chargingmanager.simulator.internal;

/**
 * A car at a simulated connector: how much it can draw and how full its battery is.
 */
final class SimulatedCar {

    private final int maxCurrentMilliamps;
    private final int phases;
    private final double batteryWattHours;
    private double storedWattHours;

    SimulatedCar(int maxCurrentMilliamps, int phases, double batteryWattHours, double startStateOfChargePercent) {
        this.maxCurrentMilliamps = maxCurrentMilliamps;
        this.phases = phases;
        this.batteryWattHours = batteryWattHours;
        this.storedWattHours = batteryWattHours * Math.max(0, Math.min(100, startStateOfChargePercent)) / 100;
    }

    int maxCurrentMilliamps() {
        return maxCurrentMilliamps;
    }

    int phases() {
        return phases;
    }

    boolean full() {
        return storedWattHours >= batteryWattHours;
    }

    void charge(double energyWattHours) {
        storedWattHours = Math.min(batteryWattHours, storedWattHours + energyWattHours);
    }

    double stateOfChargePercent() {
        return 100 * storedWattHours / batteryWattHours;
    }
}
