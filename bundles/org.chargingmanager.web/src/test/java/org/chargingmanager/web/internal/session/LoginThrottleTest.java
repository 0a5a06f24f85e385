package org.chargingmanager.web.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.chargingmanager.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void theFirstWrongPasswordsAreFreeThenTheLockDoubles() {
        for (int i = 0; i < LoginThrottle.FREE_ATTEMPTS; i++) {
            assertThat(throttle.failed("10.0.0.1")).isZero();
            assertThat(throttle.lockedFor("10.0.0.1")).isZero();
        }
        assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("10.0.0.1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("10.0.0.2")).as("per address").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.lockedFor("10.0.0.1")).isZero();
        assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofSeconds(2));
        assertThat(throttle.failed("10.0.0.1")).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void theLockIsCappedAndARightPasswordResetsIt() {
        for (int i = 0; i < 40; i++) {
            throttle.failed("10.0.0.1");
        }
        assertThat(throttle.lockedFor("10.0.0.1")).isEqualTo(LoginThrottle.MAXIMUM_LOCK);
        throttle.succeeded("10.0.0.1");
        assertThat(throttle.lockedFor("10.0.0.1")).isZero();
        assertThat(throttle.failed("10.0.0.1")).isZero();
    }
}
