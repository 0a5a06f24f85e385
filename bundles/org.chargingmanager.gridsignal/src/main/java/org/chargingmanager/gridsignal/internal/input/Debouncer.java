package org.chargingmanager.gridsignal.internal.input;

import java.time.Duration;
import java.time.Instant;

/**
 * Debounces one contact: a new state counts once it has been read unchanged for the debounce time (contact
 * bounce and short glitches are ignored). The first reading counts at once. Pure: time comes in as an argument.
 */
final class Debouncer {

    private final Duration debounce;
    private Boolean stable;
    private boolean candidate;
    private Instant candidateSince;

    Debouncer(Duration debounce) {
        this.debounce = debounce;
    }

    /** @return the debounced state after this reading */
    boolean update(boolean raw, Instant now) {
        if (stable == null) {
            stable = raw;
            candidateSince = null;
            return raw;
        }
        if (raw == stable) {
            candidateSince = null;
            return stable;
        }
        if (candidateSince == null || candidate != raw) {
            candidate = raw;
            candidateSince = now;
        }
        if (!now.isBefore(candidateSince.plus(debounce))) {
            stable = raw;
            candidateSince = null;
        }
        return stable;
    }
}
