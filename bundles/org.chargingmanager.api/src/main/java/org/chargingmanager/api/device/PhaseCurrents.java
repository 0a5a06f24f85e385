package org.chargingmanager.api.device;

/**
 * A current on each of three phases, in milliamps. Positive is drawn from the grid.
 * Which phases are meant (the wallbox's phases 1..3 or the grid's L1..L3) is said by the
 * field or method that holds the value.
 */
public record PhaseCurrents(int l1Milliamps, int l2Milliamps, int l3Milliamps) {

    public static final PhaseCurrents ZERO = new PhaseCurrents(0, 0, 0);

    /** The same current on the first {@code phases} phases, 0 on the others. */
    public static PhaseCurrents onPhases(int phases, int currentMilliamps) {
        return new PhaseCurrents(
                phases >= 1 ? currentMilliamps : 0,
                phases >= 2 ? currentMilliamps : 0,
                phases >= 3 ? currentMilliamps : 0);
    }

    /** @param phase 1, 2 or 3 */
    public int get(int phase) {
        return switch (phase) {
            case 1 -> l1Milliamps;
            case 2 -> l2Milliamps;
            case 3 -> l3Milliamps;
            default -> throw new IllegalArgumentException("phase must be 1, 2 or 3, not " + phase);
        };
    }

    public int get(Phase phase) {
        return get(phase.ordinal() + 1);
    }

    public int maxMilliamps() {
        return Math.max(l1Milliamps, Math.max(l2Milliamps, l3Milliamps));
    }

    public PhaseCurrents plus(PhaseCurrents other) {
        return new PhaseCurrents(l1Milliamps + other.l1Milliamps, l2Milliamps + other.l2Milliamps,
                l3Milliamps + other.l3Milliamps);
    }

    public PhaseCurrents minus(PhaseCurrents other) {
        return new PhaseCurrents(l1Milliamps - other.l1Milliamps, l2Milliamps - other.l2Milliamps,
                l3Milliamps - other.l3Milliamps);
    }
}
