package org.chargingmanager.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheMaximumAndResetsOnSuccess() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        assertThat(b.mayTry(t)).isTrue();
        b.failed(t);
        assertThat(b.mayTry(t.plusMillis(999))).isFalse();
        assertThat(b.mayTry(t.plusSeconds(1))).isTrue();
        b.failed(t);
        assertThat(b.currentDelay()).isEqualTo(Duration.ofSeconds(2));
        b.failed(t);
        b.failed(t);
        assertThat(b.currentDelay()).isEqualTo(Duration.ofSeconds(5));
        b.succeeded();
        assertThat(b.mayTry(t)).isTrue();
        b.failed(t);
        assertThat(b.currentDelay()).isEqualTo(Duration.ofSeconds(1));
    }
}
