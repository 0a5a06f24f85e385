package org.chargingmanager.api.device;

/**
 * How a wallbox's phases are wired to the grid phases. Installers rotate the phases of
 * wallboxes so that 1-phase cars do not all load L1; the load manager needs to know it to
 * keep every grid phase within its fuse.
 */
public enum PhaseRotation {
    /** Wallbox phase 1 on L1, 2 on L2, 3 on L3. */
    L1_L2_L3(Phase.L1, Phase.L2, Phase.L3),
    /** Wallbox phase 1 on L2, 2 on L3, 3 on L1. */
    L2_L3_L1(Phase.L2, Phase.L3, Phase.L1),
    /** Wallbox phase 1 on L3, 2 on L1, 3 on L2. */
    L3_L1_L2(Phase.L3, Phase.L1, Phase.L2);

    private final Phase[] gridPhases;

    PhaseRotation(Phase... gridPhases) {
        this.gridPhases = gridPhases;
    }

    /**
     * @param wallboxPhase 1, 2 or 3
     * @return the grid phase that this wallbox phase is connected to
     */
    public Phase gridPhaseOf(int wallboxPhase) {
        if (wallboxPhase < 1 || wallboxPhase > 3) {
            throw new IllegalArgumentException("wallbox phase must be 1, 2 or 3, not " + wallboxPhase);
        }
        return gridPhases[wallboxPhase - 1];
    }

    /** Maps currents measured on the wallbox's phases 1..3 to the grid phases L1..L3. */
    public PhaseCurrents toGrid(PhaseCurrents wallboxCurrents) {
        int[] grid = new int[3];
        for (int wallboxPhase = 1; wallboxPhase <= 3; wallboxPhase++) {
            grid[gridPhaseOf(wallboxPhase).ordinal()] += wallboxCurrents.get(wallboxPhase);
        }
        return new PhaseCurrents(grid[0], grid[1], grid[2]);
    }
}
