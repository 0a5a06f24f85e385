package org.chargingmanager.gridsignal.internal;

import java.time.Instant;

import org.chargingmanager.api.grid.GridSourceInfo.FailsafeSettings;

/**
 * The liveness rule of one source: lost when its last contact is older than {@code lostAfter} (or, never heard
 * from, when it has been watched that long); the failsafe limit then applies for at least {@code minimumDuration}
 * from its start and until the source is back. Pure: time comes in as an argument.
 */
final class FailsafeTracker {

    enum Change { NONE, STARTED, ENDED }

    private final FailsafeSettings settings;
    private final Instant watchedSince;
    private Instant failsafeSince;

    FailsafeTracker(FailsafeSettings settings, Instant watchedSince) {
        this.settings = settings;
        this.watchedSince = watchedSince;
    }

    boolean lost(Instant lastContact, Instant now) {
        if (!settings.enabled()) {
            return false;
        }
        Instant reference = lastContact == null || lastContact.isBefore(watchedSince) ? watchedSince : lastContact;
        return now.isAfter(reference.plus(settings.lostAfter()));
    }

    Change update(Instant lastContact, Instant now) {
        boolean lost = lost(lastContact, now);
        if (failsafeSince == null) {
            if (lost) {
                failsafeSince = now;
                return Change.STARTED;
            }
            return Change.NONE;
        }
        if (!lost && !now.isBefore(failsafeSince.plus(settings.minimumDuration()))) {
            failsafeSince = null;
            return Change.ENDED;
        }
        return Change.NONE;
    }

    /** When the failsafe limit started to apply; null while it does not. */
    Instant failsafeSince() {
        return failsafeSince;
    }

    /**
     * The value the source's variable gets: its own value, or while the failsafe applies the failsafe limit (or
     * the source's own value if it is alive and lower). NaN: leave the variable alone.
     */
    double effectiveValue(double signalValue, boolean lost) {
        if (failsafeSince == null) {
            return signalValue;
        }
        if (lost || Double.isNaN(signalValue)) {
            return settings.limit();
        }
        return Double.isNaN(settings.limit()) ? signalValue : Math.min(settings.limit(), signalValue);
    }
}
