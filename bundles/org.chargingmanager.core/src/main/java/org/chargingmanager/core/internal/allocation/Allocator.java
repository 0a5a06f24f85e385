package org.chargingmanager.core.internal.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;

/**
 * Shares the house connection among the charging points: a pure function of a
 * {@link SiteSnapshot}.
 *
 * <ol>
 * <li>Charging points without a car, not answering, disabled, limited to below their minimum
 * by a rule, or paused too recently (hysteresis) get 0.</li>
 * <li>In order of priority (higher first; at equal priority first those that started charging
 * within the minimum charging time, then those charging longer, then by ID), each gets its
 * minimum current if it fits on all its phases and in the power limit; otherwise 0. So no charging point ever gets a current between 0 and its minimum.</li>
 * <li>What is left is shared priority by priority as a rising "water level": every charging
 * point of the group gets the same current, capped at its maximum; when a phase is full, those
 * on it stop rising and the others go on.</li>
 * </ol>
 * With the base load within the limits, every phase and the total power stay within them. The
 * result is deterministic and independent of the order of the demands.
 */
public final class Allocator {

    private static final long UNLIMITED = Long.MAX_VALUE / 8;

    private Allocator() {
    }

    public static Map<String, ChargingLimit> allocate(SiteSnapshot site, AllocationSettings settings) {
        long[] remaining = new long[3];
        for (Phase phase : Phase.values()) {
            int limit = site.houseLimit().get(phase);
            remaining[phase.ordinal()] = limit == Integer.MAX_VALUE ? UNLIMITED
                    : Math.max(0, (long) limit - site.baseLoad().get(phase));
        }
        long[] remainingPower = { remainingPowerUnits(site) };
        Map<String, ChargingLimit> result = new TreeMap<>();
        LimitReason shortage = site.fallback() ? LimitReason.FALLBACK : LimitReason.HOUSE_LIMIT;

        List<EvseDemand> candidates = new ArrayList<>();
        for (EvseDemand demand : site.demands()) {
            ChargingLimit excluded = exclusion(demand, site, settings);
            if (excluded != null) {
                result.put(demand.id(), excluded);
            } else {
                candidates.add(demand);
            }
        }
        candidates.sort(Comparator.comparingInt(EvseDemand::priority).reversed()
                .thenComparingInt(demand -> chargingRank(demand, site, settings))
                .thenComparing(EvseDemand::id));

        int count = candidates.size();
        int[] phaseMask = new int[count];
        int[] phaseCount = new int[count];
        long[] maximum = new long[count];
        long[] allocated = new long[count];
        boolean[] granted = new boolean[count];
        for (int i = 0; i < count; i++) {
            EvseDemand demand = candidates.get(i);
            for (Phase phase : demand.gridPhases()) {
                phaseMask[i] |= 1 << phase.ordinal();
            }
            phaseCount[i] = Integer.bitCount(phaseMask[i]);
            maximum[i] = demand.maxMilliamps();
            long minimum = demand.minMilliamps();
            if (fits(phaseMask[i], phaseCount[i], minimum, remaining, remainingPower[0])) {
                take(phaseMask[i], phaseCount[i], minimum, remaining, remainingPower);
                allocated[i] = minimum;
                granted[i] = true;
            } else {
                result.put(demand.id(), new ChargingLimit(0, shortage, "not enough for the minimum current"));
            }
        }

        int start = 0;
        while (start < count) {
            int end = start;
            while (end < count && candidates.get(end).priority() == candidates.get(start).priority()) {
                end++;
            }
            int[] group = new int[end - start];
            int size = 0;
            for (int i = start; i < end; i++) {
                if (granted[i]) {
                    group[size++] = i;
                }
            }
            raiseWaterLevel(java.util.Arrays.copyOf(group, size), phaseMask, phaseCount, maximum, allocated,
                    remaining, remainingPower);
            start = end;
        }

        for (int i = 0; i < count; i++) {
            if (!granted[i]) {
                continue;
            }
            EvseDemand demand = candidates.get(i);
            boolean atMaximum = allocated[i] >= maximum[i];
            result.put(demand.id(), atMaximum
                    ? new ChargingLimit((int) allocated[i], demand.maxReason(), demand.maxDetail())
                    : new ChargingLimit((int) allocated[i], shortage, ""));
        }
        return result;
    }

    /** 0: started charging within the minimum charging time, 1: charging longer, 2: not charging. */
    private static int chargingRank(EvseDemand demand, SiteSnapshot site, AllocationSettings settings) {
        if (demand.previousLimitMilliamps() <= 0) {
            return 2;
        }
        boolean recent = demand.chargingSince() != null
                && Duration.between(demand.chargingSince(), site.now()).compareTo(settings.minimumChargeTime()) < 0;
        return recent ? 0 : 1;
    }

    private static long remainingPowerUnits(SiteSnapshot site) {
        if (!Double.isFinite(site.powerLimitWatts())) {
            return UNLIMITED;
        }
        double milliampPhases = (site.powerLimitWatts() - site.basePowerWatts()) / site.volts() * 1000;
        return milliampPhases <= 0 ? 0 : (long) Math.floor(milliampPhases);
    }

    private static ChargingLimit exclusion(EvseDemand demand, SiteSnapshot site, AllocationSettings settings) {
        switch (demand.status()) {
            case NO_VEHICLE:
                return new ChargingLimit(0, LimitReason.NOT_ALLOCATED, "no car connected");
            case STALE:
                return new ChargingLimit(0, LimitReason.FALLBACK, "the charging point does not answer");
            case DISABLED:
                return new ChargingLimit(0, LimitReason.DISABLED, "");
            default:
                break;
        }
        if (demand.maxMilliamps() < demand.minMilliamps() || demand.maxMilliamps() <= 0) {
            return new ChargingLimit(0, demand.maxReason(), demand.maxDetail());
        }
        if (demand.previousLimitMilliamps() == 0 && demand.pausedSince() != null
                && Duration.between(demand.pausedSince(), site.now()).compareTo(settings.minimumPause()) < 0) {
            return new ChargingLimit(0, LimitReason.HYSTERESIS,
                    "paused for at least " + settings.minimumPause().toSeconds() + " s");
        }
        return null;
    }

    private static boolean fits(int phaseMask, int phaseCount, long current, long[] remaining, long remainingPower) {
        for (int phase = 0; phase < 3; phase++) {
            if ((phaseMask & (1 << phase)) != 0 && remaining[phase] < current) {
                return false;
            }
        }
        return remainingPower >= current * phaseCount;
    }

    private static void take(int phaseMask, int phaseCount, long current, long[] remaining, long[] remainingPower) {
        for (int phase = 0; phase < 3; phase++) {
            if ((phaseMask & (1 << phase)) != 0) {
                remaining[phase] -= current;
            }
        }
        remainingPower[0] -= current * phaseCount;
    }

    /**
     * Raises every member of the group (indexes into the arrays) to a common level, as far as
     * phases and power allow; when a phase is full, the members on it stop and the others go on.
     */
    private static void raiseWaterLevel(int[] group, int[] phaseMask, int[] phaseCount, long[] maximum,
            long[] allocated, long[] remaining, long[] remainingPower) {
        int[] rising = group;
        while (true) {
            rising = java.util.Arrays.stream(rising).filter(i -> allocated[i] < maximum[i]).toArray();
            if (rising.length == 0) {
                return;
            }
            long low = Long.MAX_VALUE;
            long high = 0;
            for (int i : rising) {
                low = Math.min(low, allocated[i]);
                high = Math.max(high, maximum[i]);
            }
            while (low < high) {
                long middle = low + (high - low + 1) / 2;
                if (feasible(rising, phaseMask, phaseCount, maximum, allocated, middle, remaining, remainingPower[0])) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            long level = low;
            long[] growingPerPhase = new long[3];
            long growingPower = 0;
            for (int i : rising) {
                long after = Math.max(allocated[i], Math.min(level, maximum[i]));
                take(phaseMask[i], phaseCount[i], after - allocated[i], remaining, remainingPower);
                allocated[i] = after;
                if (after <= level && after < maximum[i]) {
                    for (int phase = 0; phase < 3; phase++) {
                        if ((phaseMask[i] & (1 << phase)) != 0) {
                            growingPerPhase[phase]++;
                        }
                    }
                    growingPower += phaseCount[i];
                }
            }
            if (growingPower == 0 || growingPower > remainingPower[0]) {
                return;
            }
            int fullMask = 0;
            for (int phase = 0; phase < 3; phase++) {
                if (growingPerPhase[phase] > remaining[phase]) {
                    fullMask |= 1 << phase;
                }
            }
            if (fullMask == 0) {
                return;
            }
            int full = fullMask;
            rising = java.util.Arrays.stream(rising).filter(i -> (phaseMask[i] & full) == 0).toArray();
        }
    }

    private static boolean feasible(int[] rising, int[] phaseMask, int[] phaseCount, long[] maximum, long[] allocated,
            long level, long[] remaining, long remainingPower) {
        long needed1 = 0;
        long needed2 = 0;
        long needed3 = 0;
        long neededPower = 0;
        for (int i : rising) {
            long raise = Math.min(level, maximum[i]) - allocated[i];
            if (raise <= 0) {
                continue;
            }
            int mask = phaseMask[i];
            if ((mask & 1) != 0) {
                needed1 += raise;
            }
            if ((mask & 2) != 0) {
                needed2 += raise;
            }
            if ((mask & 4) != 0) {
                needed3 += raise;
            }
            neededPower += raise * phaseCount[i];
        }
        return needed1 <= remaining[0] && needed2 <= remaining[1] && needed3 <= remaining[2]
                && neededPower <= remainingPower;
    }
}
