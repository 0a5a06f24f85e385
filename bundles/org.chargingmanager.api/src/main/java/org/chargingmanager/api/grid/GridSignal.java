package org.chargingmanager.api.grid;

import java.time.Instant;

/**
 * What a source says now.
 *
 * @param lastContact when the source last proved alive (a valid call, a heartbeat, the device answering, the
 *        box writing); {@code null} if never since the start
 * @param value the value its variable should have, in the source's {@link GridSourceInfo#unit() unit};
 *        {@link Double#NaN} if the source has not said anything yet (then its variable is left alone)
 * @param detail a short human-readable description of the state, e.g. {@code "contact 30 % closed"}
 */
public record GridSignal(Instant lastContact, double value, String detail) {

    public GridSignal {
        detail = detail == null ? "" : detail;
    }

    /** A source that has not been heard from. */
    public static GridSignal unknown(String detail) {
        return new GridSignal(null, Double.NaN, detail);
    }
}
