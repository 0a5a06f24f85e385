package org.chargingmanager.core.internal.solar;

/**
 * The home battery as the PV sharing sees it.
 *
 * <p>Its discharge is never PV surplus: a car in a PV mode does not empty the home battery. Its
 * charge is surplus the cars may take, unless the battery comes first ({@code first}): then the
 * battery keeps what it charges with, and the cars share only what is fed into the grid.
 *
 * @param powerWatts the storage meters' power, discharge positive, charge negative; 0 without
 *        a storage meter or when it does not answer
 * @param first whether the home battery charges before the cars
 */
public record HomeBattery(double powerWatts, boolean first) {

    public static final HomeBattery NONE = new HomeBattery(0, false);

    public HomeBattery {
        powerWatts = Double.isFinite(powerWatts) ? powerWatts : 0;
    }

    /** What it changes in the PV surplus: minus its discharge, plus its charge when the cars come first. */
    double surplusCorrectionWatts() {
        if (powerWatts > 0) {
            return -powerWatts;
        }
        return first ? 0 : -powerWatts;
    }
}
