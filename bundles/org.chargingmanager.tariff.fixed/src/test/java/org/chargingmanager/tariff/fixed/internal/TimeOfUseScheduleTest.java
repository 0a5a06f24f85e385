package org.chargingmanager.tariff.fixed.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import org.chargingmanager.api.tariff.PriceSlot;
import org.junit.jupiter.api.Test;

class TimeOfUseScheduleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static TimeOfUseSchedule nightRate(String... lines) {
        return new TimeOfUseSchedule(0.34, 0.08, java.util.Arrays.stream(lines).map(PricePeriod::parse).toList(), BERLIN);
    }

    private static Instant berlin(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), BERLIN).toInstant();
    }

    @Test
    void aNightRateOnWorkdaysReachesIntoTheNextMorning() {
        TimeOfUseSchedule schedule = nightRate("Mon-Fri 22:00-06:00 0.22", "Sat,Sun 00:00-24:00 0.25");
        assertThat(schedule.priceAt(berlin("2026-12-07T21:59"))).isEqualTo(0.34); // Monday
        assertThat(schedule.priceAt(berlin("2026-12-07T22:00"))).isEqualTo(0.22);
        assertThat(schedule.priceAt(berlin("2026-12-08T05:59"))).isEqualTo(0.22); // Tuesday morning: Monday's night
        assertThat(schedule.priceAt(berlin("2026-12-08T06:00"))).isEqualTo(0.34);
        assertThat(schedule.priceAt(berlin("2026-12-07T03:00"))).as("the weekend ends at midnight").isEqualTo(0.34);
        assertThat(schedule.priceAt(berlin("2026-12-12T03:00"))).as("Saturday morning: Friday's night first")
                .isEqualTo(0.22);
        assertThat(schedule.priceAt(berlin("2026-12-12T12:00"))).isEqualTo(0.25);
    }

    @Test
    void slotsCoverTheDaysWithoutGapsAndMergeEqualPrices() {
        TimeOfUseSchedule schedule = nightRate("Mon-Fri 22:00-06:00 0.22");
        List<PriceSlot> slots = schedule.slots(berlin("2026-12-08T13:17"), 2); // Tuesday and Wednesday
        assertThat(slots.get(0).start()).isEqualTo(berlin("2026-12-08T00:00"));
        assertThat(slots.get(slots.size() - 1).end()).isEqualTo(berlin("2026-12-10T00:00"));
        for (int i = 1; i < slots.size(); i++) {
            assertThat(slots.get(i).start()).isEqualTo(slots.get(i - 1).end());
            assertThat(slots.get(i).importPricePerKilowattHour())
                    .isNotEqualTo(slots.get(i - 1).importPricePerKilowattHour());
        }
        assertThat(slots).extracting(PriceSlot::importPricePerKilowattHour).containsExactly(0.22, 0.34, 0.22, 0.34, 0.22);
        assertThat(slots.get(1).start()).isEqualTo(berlin("2026-12-08T06:00"));
        assertThat(slots.get(1).end()).isEqualTo(berlin("2026-12-08T22:00"));
        assertThat(slots.get(0).feedInPricePerKilowattHour()).isEqualTo(0.08);
    }

    @Test
    void onTheDaysTheClocksChangeTheNightRateKeepsItsLocalTimes() {
        TimeOfUseSchedule schedule = nightRate("* 22:00-06:00 0.22");
        // 2026-03-29: 02:00 -> 03:00 (23 hours); 2026-10-25: 03:00 -> 02:00 (25 hours)
        List<PriceSlot> spring = schedule.slots(berlin("2026-03-29T12:00"), 1);
        assertThat(Duration.between(spring.get(0).start(), spring.get(spring.size() - 1).end())).isEqualTo(Duration.ofHours(23));
        assertThat(spring.get(0).end()).isEqualTo(berlin("2026-03-29T06:00"));
        assertThat(Duration.between(spring.get(0).start(), spring.get(0).end())).isEqualTo(Duration.ofHours(5));
        List<PriceSlot> autumn = schedule.slots(berlin("2026-10-25T12:00"), 1);
        assertThat(Duration.between(autumn.get(0).start(), autumn.get(0).end())).isEqualTo(Duration.ofHours(7));
        assertThat(autumn.get(1).start()).isEqualTo(berlin("2026-10-25T06:00"));
    }

    @Test
    void theFirstMatchingPeriodWins() {
        TimeOfUseSchedule schedule = nightRate("Sun 10:00-14:00 0.05", "* 00:00-24:00 0.30");
        assertThat(schedule.priceAt(berlin("2026-12-13T11:00"))).isEqualTo(0.05);
        assertThat(schedule.priceAt(berlin("2026-12-13T15:00"))).isEqualTo(0.30);
    }

    @Test
    void periodsAreReadInTheirUsualSpellings() {
        PricePeriod period = PricePeriod.parse("  mo-fr 7:30-20:00 0,41 ");
        assertThat(period.days()).containsExactlyInAnyOrder(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY);
        assertThat(period.importPricePerKilowattHour()).isEqualTo(0.41);
        assertThat(PricePeriod.parse("Fri-Mon 00:00-24:00 0.1").days()).containsExactlyInAnyOrder(DayOfWeek.FRIDAY,
                DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
        assertThat(PricePeriod.parse("Sat,Sun 00:00-24:00 0.1").to()).isNull();
    }

    @Test
    void badPeriodsNameTheirProblem() {
        assertThatThrownBy(() -> PricePeriod.parse("weekdays 22:00-06:00 0.22")).hasMessageContaining("is not a weekday");
        assertThatThrownBy(() -> PricePeriod.parse("Mon 25:00-06:00 0.22")).hasMessageContaining("is not a time of day");
        assertThatThrownBy(() -> PricePeriod.parse("Mon 22:00-22:00 0.22")).hasMessageContaining("same time");
        assertThatThrownBy(() -> PricePeriod.parse("Mon 22:00-06:00 cheap")).hasMessageContaining("write it as");
        assertThatThrownBy(() -> PricePeriod.parse(null)).hasMessageContaining("write it as");
    }
}
