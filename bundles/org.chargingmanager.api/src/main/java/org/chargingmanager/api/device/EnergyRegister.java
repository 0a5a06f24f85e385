package org.chargingmanager.api.device;

/**
 * Keeps a device's energy counter from going backwards, so a session's energy is never negative.
 * Feed it every raw reading; {@link #wattHours()} is what a snapshot reports.
 *
 * <ul>
 * <li>A reading of 0 after a higher value is a device that has just rebooted (cFos and others
 * report 0 for a while): the last value is held until the counter is back.</li>
 * <li>A reading above 0 but below the last one is a counter that was reset (a replaced meter, a
 * factory reset): counting goes on from the value held, so the total keeps growing by what the
 * device adds from now on.</li>
 * </ul>
 * Not thread safe; one driver thread owns it.
 */
public final class EnergyRegister {

    private double offsetWattHours;
    private double lastRawWattHours = Double.NaN;
    private double heldWattHours;

    /** What happened to the last reading fed in. */
    public enum Outcome {
        /** The counter went on as expected (or this was the first reading). */
        COUNTING,
        /** The device reported 0 after a higher value: the last value is held. */
        HELD_AT_ZERO,
        /** The device's counter restarted below its last value: counting goes on from the held value. */
        COUNTER_RESET
    }

    /**
     * Takes a raw reading of the device's counter; a negative, NaN or infinite value is ignored.
     *
     * @return what the reading meant
     */
    public Outcome update(double rawWattHours) {
        if (!(rawWattHours >= 0) || Double.isInfinite(rawWattHours)) {
            return Outcome.COUNTING;
        }
        if (Double.isNaN(lastRawWattHours)) {
            lastRawWattHours = rawWattHours;
            heldWattHours = rawWattHours;
            return Outcome.COUNTING;
        }
        if (rawWattHours >= lastRawWattHours) {
            lastRawWattHours = rawWattHours;
            heldWattHours = Math.max(heldWattHours, offsetWattHours + rawWattHours);
            return Outcome.COUNTING;
        }
        if (rawWattHours == 0) {
            return Outcome.HELD_AT_ZERO;
        }
        offsetWattHours = heldWattHours - rawWattHours;
        lastRawWattHours = rawWattHours;
        return Outcome.COUNTER_RESET;
    }

    /** The energy to report: never less than any value reported before; 0 before the first reading. */
    public double wattHours() {
        return heldWattHours;
    }
}
