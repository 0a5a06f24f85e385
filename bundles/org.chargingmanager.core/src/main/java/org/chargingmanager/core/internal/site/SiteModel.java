package org.chargingmanager.core.internal.site;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.core.internal.allocation.SiteSnapshot;

/**
 * Turns one cycle's readings into the {@link SiteSnapshot} the allocator works with. Pure: the
 * same readings give the same site.
 *
 * <p>The house's own load per phase is the grid reading minus what the charging points report.
 * That is only true when the grid meter sees every charging point, measured at about the same
 * time; a meter that does not see them, lags behind them or has its phases swapped makes the
 * difference too small, and the budget for charging too big. So:
 * <ul>
 * <li>the house's load is never taken as less than minus what producers behind the meter can feed
 * in (no PV or battery: never below 0);</li>
 * <li>a grid reading that is older than the charging points' values by more than
 * {@link #READING_SKEW}, or lower on some phase than the charging points draw (beyond
 * {@link #contradictionToleranceMilliamps measurement tolerance}) with no producer to explain it,
 * is not used: the installer's safe budget applies, with the reason;</li>
 * <li>a missing or silent grid meter, or a limit that cannot be computed, gives the safe budget as
 * well.</li>
 * </ul>
 * What one reading cannot show: a meter that does not see a charging point whose current is smaller
 * than the house's load. Then the difference stays plausible, and the site may draw up to that
 * charging point's current more than the fuse allows until the reading contradicts.
 */
public final class SiteModel {

    /** How much older than the charging points' values a grid reading may be. */
    public static final Duration READING_SKEW = Duration.ofSeconds(5);

    private SiteModel() {
    }

    /**
     * @param site what the allocator gets
     * @param fallbackReason why the safe budget applies, or {@code ""} when the grid data is used; the
     *        same words as long as the cause lasts, so it is logged once
     */
    public record Result(SiteSnapshot site, String fallbackReason) {
    }

    public static Result build(SiteReadings readings) {
        String reason = untrustworthy(readings);
        if (!reason.isEmpty()) {
            return new Result(new SiteSnapshot(readings.now(), PhaseCurrents.onPhases(3, readings.fallbackMilliamps()),
                    Double.POSITIVE_INFINITY, PhaseCurrents.ZERO, 0, readings.volts(), true, readings.demands()), reason);
        }
        PhaseCurrents grid = readings.grid().currents();
        PhaseCurrents evse = readings.answering().currents();
        PhaseCurrents allowance = readings.producerAllowance();
        int[] base = new int[3];
        long allowanceTotal = 0;
        for (Phase phase : Phase.values()) {
            int i = phase.ordinal();
            long own = (long) grid.get(phase) - evse.get(phase);
            base[i] = clamp(Math.max(own, -(long) Math.max(0, allowance.get(phase)))
                    + readings.staleReserve().currents().get(phase));
            allowanceTotal += Math.max(0, allowance.get(phase));
        }
        double ownPowerWatts = Math.max(readings.grid().powerWatts() - readings.answering().powerWatts(),
                -allowanceTotal * readings.volts() / 1000);
        double houseLimitAmps = readings.houseLimitAmps();
        PhaseCurrents houseLimit = PhaseCurrents.onPhases(3, Double.isInfinite(houseLimitAmps) ? Integer.MAX_VALUE
                : (int) Math.max(0, Math.min(Integer.MAX_VALUE - 1, Math.floor(houseLimitAmps * 1000))));
        return new Result(new SiteSnapshot(readings.now(), houseLimit, readings.powerLimitWatts(),
                new PhaseCurrents(base[0], base[1], base[2]), ownPowerWatts + readings.staleReserve().powerWatts(),
                readings.volts(), false, readings.demands()), "");
    }

    /** Why the grid data cannot be used this cycle, or {@code ""}. */
    private static String untrustworthy(SiteReadings readings) {
        if (readings.grid() == null) {
            return "no current grid reading";
        }
        if (Double.isNaN(readings.houseLimitAmps()) || Double.isNaN(readings.powerLimitWatts())) {
            return "the house connection limit cannot be computed";
        }
        Instant newestEvse = readings.answering().newestMeasurement();
        if (newestEvse != null && newestEvse.isAfter(readings.now())) {
            newestEvse = readings.now(); // a charger whose clock runs ahead
        }
        Instant gridAt = readings.grid().measuredAt();
        if (newestEvse != null && gridAt != null && gridAt.plus(READING_SKEW).isBefore(newestEvse)) {
            return "the grid reading is older than the charging points' values";
        }
        for (Phase phase : Phase.values()) {
            long grid = readings.grid().currents().get(phase);
            long evse = readings.answering().currents().get(phase);
            long explained = grid + Math.max(0, readings.producerAllowance().get(phase));
            if (explained < evse - contradictionToleranceMilliamps(evse)) {
                return "the grid meter reads less on " + phase
                        + " than the charging points draw there: it may not see them";
            }
        }
        return "";
    }

    /**
     * How much lower than the charging points' own currents a grid reading may be on a phase and
     * still count as seeing them: 1 A plus 10 % (meter accuracy, one reading's lag).
     */
    static long contradictionToleranceMilliamps(long evseMilliamps) {
        return 1000 + Math.max(0, evseMilliamps) / 10;
    }

    private static int clamp(long milliamps) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, milliamps));
    }
}
