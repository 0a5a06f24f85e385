package org.chargingmanager.api.grid;

import java.time.Instant;

/**
 * One period in which a grid signal limited the site: an entry of the restriction log.
 *
 * @param id the log's sequence number
 * @param sourceId the {@link GridSourceInfo#id() source}
 * @param kind the source's kind
 * @param start when the limit started to apply
 * @param end when it ended; {@code null} while it still applies
 * @param requestedLimit the limit, in {@code unit}
 * @param unit {@code %} or {@code W}
 * @param failsafe whether the limit was the source's failsafe limit (the source was lost)
 * @param minPowerWatts the least power drawn at the grid meter in the period; NaN if not measured
 * @param avgPowerWatts the average power drawn (mean of the samples)
 * @param maxPowerWatts the most power drawn
 * @param samples how many measurements the figures come from
 */
public record Restriction(long id, String sourceId, String kind, Instant start, Instant end, double requestedLimit,
        String unit, boolean failsafe, double minPowerWatts, double avgPowerWatts, double maxPowerWatts, long samples) {
}
