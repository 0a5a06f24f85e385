package org.chargingmanager.core.internal.loadmanager;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The periodic cycle stays within a tenth of a core; reductions are decided from the grid alone. */
class CyclePacingTest {

    private static final long MILLIS = 1_000_000L;

    @Test
    void aFastCycleRunsEveryConfiguredCycle() {
        assertThat(CyclePacer.intervalNanos(1000, 40 * MILLIS)).isEqualTo(1000 * MILLIS);
        assertThat(CyclePacer.intervalNanos(1000, 100 * MILLIS)).isEqualTo(1000 * MILLIS);
    }

    @Test
    void aSlowCycleIsFollowedByAPauseSoCyclesUseAtMostATenthOfACore() {
        assertThat(CyclePacer.intervalNanos(1000, 400 * MILLIS)).isEqualTo(4000 * MILLIS);
        assertThat(CyclePacer.intervalNanos(1000, 2000 * MILLIS)).isEqualTo(20_000 * MILLIS);
    }

    @Test
    void theGridMeterStoppingToAnswerStartsACycleOnce() {
        GridGuard guard = new GridGuard();
        guard.cycled(new GridGuard.Reading(true, -10_000, -1000));
        GridGuard.Reading silent = new GridGuard.Reading(false, 0, 0);
        assertThat(guard.reductionNeeded(silent)).isTrue();
        guard.cycled(silent);
        assertThat(guard.reductionNeeded(silent)).as("the fallback applies already").isFalse();
    }

    @Test
    void anOverloadStartsACycleAtOnceButOneTheLastCycleSawDoesNotRepeat() {
        GridGuard guard = new GridGuard();
        guard.cycled(new GridGuard.Reading(true, -2000, Double.NEGATIVE_INFINITY));
        assertThat(guard.reductionNeeded(new GridGuard.Reading(true, -500, Double.NEGATIVE_INFINITY)))
                .as("below the limit").isFalse();
        GridGuard.Reading over = new GridGuard.Reading(true, 3000, Double.NEGATIVE_INFINITY);
        assertThat(guard.reductionNeeded(over)).isTrue();
        guard.cycled(over);
        assertThat(guard.reductionNeeded(new GridGuard.Reading(true, 3200, Double.NEGATIVE_INFINITY)))
                .as("the same overload, nothing left to reduce: no cycle every tick").isFalse();
        assertThat(guard.reductionNeeded(new GridGuard.Reading(true, 4000, Double.NEGATIVE_INFINITY)))
                .as("worse again").isTrue();
    }

    @Test
    void aPowerOverloadCountsToo() {
        GridGuard guard = new GridGuard();
        guard.cycled(GridGuard.Reading.NONE);
        assertThat(guard.reductionNeeded(new GridGuard.Reading(true, Integer.MIN_VALUE, 500))).isTrue();
        assertThat(guard.reductionNeeded(new GridGuard.Reading(true, Integer.MIN_VALUE, 50)))
                .as("within the tolerance").isFalse();
    }
}
