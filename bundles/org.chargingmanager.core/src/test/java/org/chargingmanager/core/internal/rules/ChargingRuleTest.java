package org.chargingmanager.core.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ChargingRuleTest {

    // 2026-11-23 is a Monday
    private static final LocalDateTime MONDAY_NOON = LocalDateTime.parse("2026-11-23T12:00:00");

    private static ChargingRule rule(Set<String> evses, Set<String> users, Set<DayOfWeek> days, String from,
            String until, RuleAction action, double value) {
        return new ChargingRule("test", evses, users, days.isEmpty() ? Set.of() : EnumSet.copyOf(days),
                LocalTime.parse(from), LocalTime.parse(until), "", action, value);
    }

    @Test
    void timeWindowWithinADay() {
        ChargingRule rule = rule(Set.of(), Set.of(), Set.of(), "08:00", "18:00", RuleAction.NO_CHARGING, 0);
        assertThat(rule.matches("a", Set.of(), MONDAY_NOON)).isTrue();
        assertThat(rule.matches("a", Set.of(), MONDAY_NOON.withHour(18))).as("end is exclusive").isFalse();
        assertThat(rule.matches("a", Set.of(), MONDAY_NOON.withHour(8))).isTrue();
        assertThat(rule.matches("a", Set.of(), MONDAY_NOON.withHour(7))).isFalse();
    }

    @Test
    void nightWindowBelongsToTheDayItStarts() {
        ChargingRule fridayNights = rule(Set.of(), Set.of(), Set.of(DayOfWeek.FRIDAY), "22:00", "06:00",
                RuleAction.MAX_CURRENT, 32);
        LocalDateTime friday = LocalDateTime.parse("2026-11-27T23:00:00");
        assertThat(fridayNights.matches("a", Set.of(), friday)).isTrue();
        assertThat(fridayNights.matches("a", Set.of(), friday.plusHours(6))).as("Saturday 05:00").isTrue();
        assertThat(fridayNights.matches("a", Set.of(), friday.plusHours(7))).as("Saturday 06:00").isFalse();
        assertThat(fridayNights.matches("a", Set.of(), friday.minusDays(1))).as("Thursday 23:00").isFalse();
    }

    @Test
    void chargingPointAndUserFilters() {
        ChargingRule rule = rule(Set.of("garage-1"), Set.of("alice", "04A2B3C4"), Set.of(), "00:00", "00:00",
                RuleAction.MAX_POWER, 3680);
        assertThat(rule.matches("garage-1", Set.of("04A2B3C4"), MONDAY_NOON)).isTrue();
        assertThat(rule.matches("garage-1", Set.of("bob"), MONDAY_NOON)).isFalse();
        assertThat(rule.matches("garage-2", Set.of("alice"), MONDAY_NOON)).isFalse();
        assertThat(rule.matches("garage-1", Set.of(), MONDAY_NOON)).as("no user known").isFalse();
    }

    @Test
    void actionsBecomeCurrentsPerPhase() {
        assertThat(rule(Set.of(), Set.of(), Set.of(), "00:00", "00:00", RuleAction.MAX_POWER, 3680)
                .allowedMilliamps(1, 230)).isEqualTo(16_000);
        assertThat(rule(Set.of(), Set.of(), Set.of(), "00:00", "00:00", RuleAction.MAX_POWER, 4140)
                .allowedMilliamps(3, 230)).isEqualTo(6000);
        assertThat(rule(Set.of(), Set.of(), Set.of(), "00:00", "00:00", RuleAction.MAX_CURRENT, 10.5)
                .allowedMilliamps(3, 230)).isEqualTo(10_500);
        assertThat(rule(Set.of(), Set.of(), Set.of(), "00:00", "00:00", RuleAction.NO_CHARGING, 16)
                .allowedMilliamps(3, 230)).isZero();
    }

    @Test
    void badTimeIsRejectedWithItsValue() {
        ChargingRuleConfig config = org.chargingmanager.core.internal.Configs.of(
                ChargingRuleConfig.class, java.util.Map.of("startTime", "25:99"));
        assertThatThrownBy(() -> ChargingRule.from(config)).hasMessageContaining("'25:99'");
    }
}
