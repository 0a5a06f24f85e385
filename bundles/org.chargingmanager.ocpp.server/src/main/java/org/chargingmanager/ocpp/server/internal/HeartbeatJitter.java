package org.chargingmanager.ocpp.server.internal;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The Heartbeat interval each charge point gets in its BootNotification.conf: the configured one
 * plus or minus {@link #SPREAD_PERCENT} %, so chargers that booted together (after a restart or a
 * power cut) do not send their Heartbeats and retries together.
 */
final class HeartbeatJitter {

    static final int SPREAD_PERCENT = 10;

    private final RandomGenerator random;

    HeartbeatJitter(RandomGenerator random) {
        this.random = random;
    }

    /** @return seconds, at least 1; an interval under 10 s is given as configured */
    int seconds(Duration interval) {
        long base = Math.max(1, interval.toSeconds());
        if (base < 10) {
            return (int) base;
        }
        long spread = base * SPREAD_PERCENT / 100;
        return (int) Math.min(Integer.MAX_VALUE, base - spread + random.nextLong(2 * spread + 1));
    }
}
