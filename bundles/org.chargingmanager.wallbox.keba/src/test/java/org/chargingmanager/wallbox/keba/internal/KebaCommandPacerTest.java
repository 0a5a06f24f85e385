package org.chargingmanager.wallbox.keba.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class KebaCommandPacerTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private final KebaCommandPacer pacer = new KebaCommandPacer(Duration.ZERO);

    private static Instant at(long millis) {
        return T0.plusMillis(millis);
    }

    @Test
    void anyTwoCommandsAreAtLeast100MillisecondsApart() {
        pacer.sent("report 2", at(0));
        assertThat(pacer.allows("report 3", at(99))).isFalse();
        assertThat(pacer.allows("report 3", at(100))).isTrue();
    }

    @Test
    void theSameCommandIsRepeatedAfterFiveSecondsAtTheEarliest() {
        pacer.sent("report 2", at(0));
        pacer.sent("report 3", at(100));
        assertThat(pacer.allows("report 2", at(4_999))).isFalse();
        assertThat(pacer.allows("report 2", at(5_000))).isTrue();
        assertThat(pacer.allows("curr 8000", at(200))).isTrue();
    }

    @Test
    void aCurrentChangeIsANewCommandButTheSameCurrentAgainIsARepeat() {
        pacer.sent("curr 10000", at(0));
        assertThat(pacer.allows("curr 8000", at(100))).isTrue();
        pacer.sent("curr 8000", at(100));
        assertThat(pacer.allows("curr 10000", at(200))).isFalse();
        assertThat(pacer.earliest("curr 10000")).isEqualTo(at(5_000));
    }

    @Test
    void nothingIsSentForTwoSecondsAfterADisablingCommand() {
        pacer.sent("ena 0", at(0));
        assertThat(pacer.allows("report 2", at(1_999))).isFalse();
        assertThat(pacer.allows("report 2", at(2_000))).isTrue();
        pacer.sent("currtime 0 1", at(3_000));
        assertThat(pacer.allows("ena 1", at(4_999))).isFalse();
        assertThat(KebaCommandPacer.disables("currtime 6000 1")).isFalse();
    }

    @Test
    void theMarginIsAddedToEveryRule() {
        KebaCommandPacer withMargin = new KebaCommandPacer(Duration.ofMillis(20));
        withMargin.sent("ena 0", at(0));
        assertThat(withMargin.allows("report 2", at(2_010))).isFalse();
        assertThat(withMargin.allows("report 2", at(2_020))).isTrue();
    }
}
