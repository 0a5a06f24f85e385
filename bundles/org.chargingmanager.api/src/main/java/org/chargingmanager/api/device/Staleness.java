package org.chargingmanager.api.device;

import java.time.Duration;
import java.time.Instant;

/**
 * The one rule for values that are too old to act on: a device that was last heard from more
 * than {@link #STALE_AFTER} ago (or never) is stale. Drivers and the load manager use it alike.
 */
public final class Staleness {

    /** How long the values of a device that says nothing more are trusted. */
    public static final Duration STALE_AFTER = Duration.ofSeconds(10);

    private Staleness() {
    }

    /** @param lastHeard when the device was last heard from, or {@code null} for never */
    public static boolean stale(Instant lastHeard, Instant now) {
        return lastHeard == null || Duration.between(lastHeard, now).compareTo(STALE_AFTER) > 0;
    }
}
