package org.chargingmanager.api.grid;

import java.time.Instant;

/**
 * The state of one source as the grid-signal service sees it.
 *
 * @param info the source
 * @param signal its latest signal
 * @param failsafeSince when its failsafe limit started to apply; {@code null} while it does not apply
 * @param effectiveValue the value its variable has now (the signal's, or the failsafe limit); NaN if left alone
 */
public record GridSourceStatus(GridSourceInfo info, GridSignal signal, Instant failsafeSince, double effectiveValue) {

    public boolean failsafe() {
        return failsafeSince != null;
    }

    /** Whether the source limits the site now. */
    public boolean restricting() {
        return Double.isFinite(effectiveValue) && effectiveValue < info.unrestrictedValue();
    }
}
