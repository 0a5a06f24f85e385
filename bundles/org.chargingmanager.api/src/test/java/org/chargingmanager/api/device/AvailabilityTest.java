package org.chargingmanager.api.device;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AvailabilityTest {

    private final Availability availability = new Availability();

    @Test
    void oneLinePerChangeNotPerPoll() {
        assertThat(availability.answered()).as("the first answer is no comeback").isFalse();
        assertThat(availability.answered()).isFalse();
        assertThat(availability.failed("timeout")).as("going offline is news").isTrue();
        assertThat(availability.failed("timeout")).as("staying offline is not").isFalse();
        assertThat(availability.online()).isFalse();
        assertThat(availability.lastProblem()).isEqualTo("timeout");
        assertThat(availability.answered()).as("back").isTrue();
        assertThat(availability.answered()).isFalse();
        assertThat(availability.lastProblem()).isNull();
    }

    @Test
    void aDeviceThatNeverAnsweredIsReportedOnceToo() {
        assertThat(availability.failed("connection refused")).isTrue();
        assertThat(availability.failed("connection refused")).isFalse();
    }

    @Test
    void problemsAreReportedOnceNumbersAsideUntilTheNextOutage() {
        assertThat(availability.firstReport("implausible current 17.5 A")).isTrue();
        assertThat(availability.firstReport("implausible current 18 A")).isFalse();
        assertThat(availability.firstReport("unknown state X")).isTrue();
        availability.failed("timeout");
        assertThat(availability.firstReport("implausible current 17.5 A")).isTrue();
        for (int i = 0; i < 30; i++) {
            availability.firstReport("problem " + (char) ('a' + i));
        }
        assertThat(availability.firstReport("yet another")).isFalse();
    }
}
