package org.chargingmanager.gridsignal.internal.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class DebouncerAndMappingTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void aNewStateCountsOnlyAfterItHeldForTheDebounceTime() {
        Debouncer debouncer = new Debouncer(Duration.ofMillis(300));
        assertThat(debouncer.update(false, T0)).isFalse();
        assertThat(debouncer.update(true, T0.plusMillis(100))).isFalse();
        assertThat(debouncer.update(false, T0.plusMillis(200))).as("a glitch of 100 ms is ignored").isFalse();
        assertThat(debouncer.update(true, T0.plusMillis(300))).isFalse();
        assertThat(debouncer.update(true, T0.plusMillis(599))).isFalse();
        assertThat(debouncer.update(true, T0.plusMillis(600))).isTrue();
        assertThat(debouncer.update(false, T0.plusMillis(700))).isTrue();
    }

    @Test
    void p14aCapPerDeviceFollowsTheSimultaneityFactor() {
        assertThat(ContactMapping.p14aCapPerDeviceWatts(4200, 1, 0.8)).isEqualTo(4200);
        // 4.2 kW + 1 x 0.8 x 4.2 kW = 7.56 kW for two devices
        assertThat(ContactMapping.p14aCapPerDeviceWatts(4200, 2, 0.8)).isEqualTo(3780);
        assertThat(ContactMapping.p14aCapPerDeviceWatts(4200, 9, 0.45) * 9).isBetween(4200 + 8 * 0.45 * 4200,
                4200 + 8 * 0.45 * 4200 + 9);
    }

    @Test
    void rippleControlTakesTheMostRestrictiveActiveContactAndNoneMeansFullPower() {
        ContactMapping ripple = new ContactMapping(Template.RIPPLE, "%", new double[] { 0, 30, 60 }, 100);
        assertThat(ripple.value(new boolean[] { false, false, false })).isEqualTo(100);
        assertThat(ripple.value(new boolean[] { false, false, true })).isEqualTo(60);
        assertThat(ripple.value(new boolean[] { false, true, true })).isEqualTo(30);
        assertThat(ripple.value(new boolean[] { true, false, true })).isEqualTo(0);
        assertThat(ripple.describe(new boolean[] { false, true, true })).isEqualTo("30 %, 60 % active");
    }

    @Test
    void polarityOpenRestrictsWhenTheContactOpens() {
        ContactMapping p14a = new ContactMapping(Template.P14A, "W", new double[] { 4200 }, 100000);
        ContactState normallyClosed = new ContactState(1, Duration.ZERO, false, p14a);
        assertThat(normallyClosed.reading(new boolean[] { true }, T0, T0)).isTrue();
        assertThat(normallyClosed.signal().value()).isEqualTo(100000);
        assertThat(normallyClosed.reading(new boolean[] { false }, T0.plusSeconds(1), T0.plusSeconds(1))).isTrue();
        assertThat(normallyClosed.signal().value()).isEqualTo(4200);
    }
}
