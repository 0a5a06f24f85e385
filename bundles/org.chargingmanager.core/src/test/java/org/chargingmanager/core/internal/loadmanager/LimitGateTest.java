package org.chargingmanager.core.internal.loadmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;
import org.junit.jupiter.api.Test;

class LimitGateTest {

    private static final Instant SENT_AT = Instant.parse("2026-12-04T12:00:00Z");
    private static final Duration INTERVAL = Duration.ofSeconds(5);
    private static final ChargingLimit SENT = new ChargingLimit(16_000, LimitReason.HOUSE_LIMIT, "");

    private static ChargingLimit house(int milliamps) {
        return new ChargingLimit(milliamps, LimitReason.HOUSE_LIMIT, "");
    }

    @Test
    void theFirstLimitIsSentRoundedDownToTheResolution() {
        assertThat(LimitGate.next(house(16_049), null, null, SENT_AT, 100, INTERVAL)).contains(house(16_000));
        assertThat(LimitGate.next(house(16_049), null, null, SENT_AT, 1000, INTERVAL)).contains(house(16_000));
        assertThat(LimitGate.next(house(16_049), null, null, SENT_AT, 1, INTERVAL)).contains(house(16_049));
    }

    @Test
    void milliampsThatRoundToTheSameStepAreNotSentAgain() {
        for (int jitter = 0; jitter < 100; jitter += 7) {
            assertThat(LimitGate.next(house(16_000 + jitter), SENT, SENT_AT, SENT_AT.plusSeconds(60), 100, INTERVAL))
                    .isEmpty();
        }
    }

    @Test
    void aReductionIsSentAtOnceEvenRightAfterTheLastLimit() {
        assertThat(LimitGate.next(house(15_999), SENT, SENT_AT, SENT_AT, 100, INTERVAL)).contains(house(15_900));
        assertThat(LimitGate.next(house(0), SENT, SENT_AT, SENT_AT, 100, INTERVAL)).contains(house(0));
    }

    @Test
    void anIncreaseWaitsForTheIntervalAndNeedsAWholeStep() {
        assertThat(LimitGate.next(house(20_000), SENT, SENT_AT, SENT_AT.plusSeconds(4), 100, INTERVAL)).isEmpty();
        assertThat(LimitGate.next(house(20_000), SENT, SENT_AT, SENT_AT.plusSeconds(5), 100, INTERVAL))
                .contains(house(20_000));
        assertThat(LimitGate.next(house(16_099), SENT, SENT_AT, SENT_AT.plusSeconds(60), 100, INTERVAL)).isEmpty();
        assertThat(LimitGate.next(house(16_100), SENT, SENT_AT, SENT_AT.plusSeconds(60), 100, INTERVAL))
                .contains(house(16_100));
    }

    @Test
    void aNewReasonForTheSameCurrentWaitsLikeAnIncrease() {
        ChargingLimit rule = new ChargingLimit(16_000, LimitReason.RULE, "night");
        assertThat(LimitGate.next(rule, SENT, SENT_AT, SENT_AT.plusSeconds(1), 100, INTERVAL)).isEmpty();
        assertThat(LimitGate.next(rule, SENT, SENT_AT, SENT_AT.plusSeconds(5), 100, INTERVAL)).contains(rule);
    }

    @Test
    void aChangeOfPhasesIsSentAtOnceAndRoundingKeepsThePhases() {
        ChargingLimit onThree = house(16_000).withPhases(3);
        assertThat(LimitGate.next(house(16_049).withPhases(1), onThree, SENT_AT, SENT_AT, 100, INTERVAL))
                .contains(house(16_000).withPhases(1));
        assertThat(LimitGate.next(house(16_049).withPhases(3), onThree, SENT_AT, SENT_AT.plusSeconds(60), 100, INTERVAL))
                .isEmpty();
    }
}
