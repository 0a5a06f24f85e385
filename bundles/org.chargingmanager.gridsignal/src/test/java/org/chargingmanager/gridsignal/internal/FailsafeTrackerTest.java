package org.chargingmanager.gridsignal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.grid.GridSourceInfo.FailsafeSettings;
import org.chargingmanager.gridsignal.internal.FailsafeTracker.Change;
import org.junit.jupiter.api.Test;

class FailsafeTrackerTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private final FailsafeTracker tracker = new FailsafeTracker(
            new FailsafeSettings(Duration.ofSeconds(30), 40, Duration.ofHours(2)), T0);

    @Test
    void aSourceNeverHeardFromIsLostOnceWatchedLongerThanTheLimit() {
        assertThat(tracker.update(null, T0.plusSeconds(30))).isEqualTo(Change.NONE);
        assertThat(tracker.update(null, T0.plusSeconds(31))).isEqualTo(Change.STARTED);
        assertThat(tracker.failsafeSince()).isEqualTo(T0.plusSeconds(31));
        assertThat(tracker.effectiveValue(Double.NaN, true)).isEqualTo(40);
    }

    @Test
    void theFailsafeHoldsForTheMinimumTimeAfterTheSourceIsBackThenEnds() {
        Instant contact = T0.plusSeconds(5);
        assertThat(tracker.update(contact, T0.plusSeconds(35))).isEqualTo(Change.NONE);
        assertThat(tracker.update(contact, T0.plusSeconds(36))).isEqualTo(Change.STARTED);
        Instant start = T0.plusSeconds(36);
        // back after 10 minutes, with a value above the failsafe limit: the failsafe limit still applies
        Instant back = start.plus(Duration.ofMinutes(10));
        assertThat(tracker.update(back, back)).isEqualTo(Change.NONE);
        assertThat(tracker.effectiveValue(100, false)).isEqualTo(40);
        // a value below the failsafe limit from the live source wins
        assertThat(tracker.effectiveValue(30, false)).isEqualTo(30);
        Instant almost = start.plus(Duration.ofHours(2)).minusSeconds(1);
        assertThat(tracker.update(almost, almost)).isEqualTo(Change.NONE);
        Instant end = start.plus(Duration.ofHours(2));
        assertThat(tracker.update(end, end)).isEqualTo(Change.ENDED);
        assertThat(tracker.effectiveValue(100, false)).isEqualTo(100);
    }

    @Test
    void afterTheMinimumTimeTheFailsafeStaysUntilTheSourceIsBack() {
        tracker.update(null, T0.plusSeconds(31));
        Instant late = T0.plus(Duration.ofHours(3));
        assertThat(tracker.update(null, late)).isEqualTo(Change.NONE);
        assertThat(tracker.failsafeSince()).isNotNull();
        assertThat(tracker.update(late, late)).isEqualTo(Change.ENDED);
    }

    @Test
    void aSourceWithoutLivenessRuleIsNeverLost() {
        FailsafeTracker none = new FailsafeTracker(FailsafeSettings.none(), T0);
        assertThat(none.update(null, T0.plus(Duration.ofDays(30)))).isEqualTo(Change.NONE);
        assertThat(none.effectiveValue(70, false)).isEqualTo(70);
    }
}
