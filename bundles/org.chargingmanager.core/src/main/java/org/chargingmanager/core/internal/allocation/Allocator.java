package org.chargingmanager.core.internal.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
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
 * With an unbalanced-load limit, the sum of the charging points' currents on any phase never
 * exceeds that on another phase by more than the limit, in every step (minimums and water
 * levels); a second pass lets those the limit held back rise on what lower priorities have since
 * put on the other phases.
 * With the base load within the limits, every phase and the total power stay within them. The
 * result is deterministic and independent of the order of the demands.
 */
public final class Allocator {

    private static final long UNLIMITED = Long.MAX_VALUE / 8;

    /** Rounds of the water level per priority group; each round raises someone or ends the group. */
    private static final int MAX_ROUNDS = 64;

    private Allocator() {
    }

    public static Map<String, ChargingLimit> allocate(SiteSnapshot site, AllocationSettings settings) {
        Budget budget = new Budget(site, settings);
        Map<String, ChargingLimit> result = new TreeMap<>();
        LimitReason shortage = site.fallback() ? LimitReason.FALLBACK : LimitReason.HOUSE_LIMIT;
        String unbalanceDetail = settings.limitsUnbalancedLoad()
                ? "unbalanced-load limit: at most " + amps(settings.unbalancedLoadLimitMilliamps()) + " A between phases"
                : "";

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
        Members members = new Members(count);
        for (int i = 0; i < count; i++) {
            EvseDemand demand = candidates.get(i);
            for (Phase phase : demand.gridPhases()) {
                members.phaseMask[i] |= 1 << phase.ordinal();
            }
            members.phaseCount[i] = Integer.bitCount(members.phaseMask[i]);
            members.maximum[i] = demand.maxMilliamps();
            long minimum = demand.minMilliamps();
            if (budget.fits(members.phaseMask[i], members.phaseCount[i], minimum)) {
                budget.take(members.phaseMask[i], members.phaseCount[i], minimum);
                members.allocated[i] = minimum;
                members.granted[i] = true;
            } else {
                boolean unbalanced = budget.fitsIgnoringUnbalance(members.phaseMask[i], members.phaseCount[i], minimum);
                result.put(demand.id(), new ChargingLimit(0, shortage, unbalanced
                        ? "not enough for the minimum current within the " + unbalanceDetail
                        : "not enough for the minimum current"));
            }
        }

        // with an unbalanced-load limit, a second pass lets those the limit held back rise on what
        // lower priorities have since put on the other phases
        int passes = settings.limitsUnbalancedLoad() ? 2 : 1;
        for (int pass = 0; pass < passes; pass++) {
            int start = 0;
            while (start < count) {
                int end = start;
                while (end < count && candidates.get(end).priority() == candidates.get(start).priority()) {
                    end++;
                }
                int[] group = new int[end - start];
                int size = 0;
                for (int i = start; i < end; i++) {
                    if (members.granted[i]) {
                        group[size++] = i;
                    }
                }
                raiseWaterLevel(Arrays.copyOf(group, size), members, budget);
                start = end;
            }
        }

        for (int i = 0; i < count; i++) {
            if (!members.granted[i]) {
                continue;
            }
            EvseDemand demand = candidates.get(i);
            long allocated = members.allocated[i];
            if (allocated >= members.maximum[i]) {
                result.put(demand.id(), new ChargingLimit((int) allocated, demand.maxReason(), demand.maxDetail()));
            } else {
                result.put(demand.id(), new ChargingLimit((int) allocated, shortage,
                        members.heldByUnbalance[i] ? unbalanceDetail : ""));
            }
        }
        return result;
    }

    private static String amps(int milliamps) {
        return milliamps % 1000 == 0 ? String.valueOf(milliamps / 1000) : String.valueOf(milliamps / 1000.0);
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

    /**
     * Raises every member of the group (indexes into the arrays) to a common level, as far as
     * phases, power and the unbalanced-load limit allow; when a phase is full, the members on it
     * stop and the others go on. A member that the unbalanced-load limit holds back waits a round:
     * once members on the other phases have risen, it may rise again.
     */
    private static void raiseWaterLevel(int[] group, Members members, Budget budget) {
        long[] allocated = members.allocated;
        long[] maximum = members.maximum;
        int[] phaseMask = members.phaseMask;
        int[] phaseCount = members.phaseCount;
        int[] active = group;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            active = Arrays.stream(active).filter(i -> allocated[i] < maximum[i]).toArray();
            int[] rising = Arrays.stream(active).filter(i -> budget.unbalanceAllowsRaise(phaseMask[i])).toArray();
            for (int i : active) {
                members.heldByUnbalance[i] = !budget.unbalanceAllowsRaise(phaseMask[i]);
            }
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
                if (budget.allowsLevel(rising, members, middle)) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            long level = low;
            long[] growingPerPhase = new long[3];
            long growingPower = 0;
            boolean raised = false;
            for (int i : rising) {
                long after = Math.max(allocated[i], Math.min(level, maximum[i]));
                if (after > allocated[i]) {
                    budget.take(phaseMask[i], phaseCount[i], after - allocated[i]);
                    allocated[i] = after;
                    raised = true;
                }
                if (after <= level && after < maximum[i]) {
                    for (int phase = 0; phase < 3; phase++) {
                        if ((phaseMask[i] & (1 << phase)) != 0) {
                            growingPerPhase[phase]++;
                        }
                    }
                    growingPower += phaseCount[i];
                }
            }
            if (growingPower == 0 && rising.length == active.length) {
                return;
            }
            if (growingPower > budget.remainingPower) {
                return;
            }
            int fullMask = 0;
            for (int phase = 0; phase < 3; phase++) {
                if (growingPerPhase[phase] > budget.remaining[phase]) {
                    fullMask |= 1 << phase;
                }
            }
            if (fullMask == 0 && !raised) {
                return;
            }
            int full = fullMask;
            active = Arrays.stream(active).filter(i -> (phaseMask[i] & full) == 0).toArray();
        }
    }

    /** The members of one allocation, by index in priority order. */
    private static final class Members {
        final int[] phaseMask;
        final int[] phaseCount;
        final long[] maximum;
        final long[] allocated;
        final boolean[] granted;
        final boolean[] heldByUnbalance;

        Members(int count) {
            phaseMask = new int[count];
            phaseCount = new int[count];
            maximum = new long[count];
            allocated = new long[count];
            granted = new boolean[count];
            heldByUnbalance = new boolean[count];
        }
    }

    /**
     * What is left of the house connection per phase and in power, and the charging points'
     * current per phase so far (for the unbalanced-load limit).
     */
    private static final class Budget {
        final long[] remaining = new long[3];
        long remainingPower;
        final long[] chargingLoad = new long[3];
        final long unbalancedLoadLimit;

        Budget(SiteSnapshot site, AllocationSettings settings) {
            for (Phase phase : Phase.values()) {
                int limit = site.houseLimit().get(phase);
                remaining[phase.ordinal()] = limit == Integer.MAX_VALUE ? UNLIMITED
                        : Math.max(0, (long) limit - site.baseLoad().get(phase));
            }
            if (Double.isFinite(site.powerLimitWatts())) {
                double milliampPhases = (site.powerLimitWatts() - site.basePowerWatts()) / site.volts() * 1000;
                remainingPower = milliampPhases <= 0 ? 0 : (long) Math.floor(milliampPhases);
            } else {
                remainingPower = UNLIMITED;
            }
            unbalancedLoadLimit = settings.limitsUnbalancedLoad() ? settings.unbalancedLoadLimitMilliamps() : UNLIMITED;
        }

        boolean fits(int phaseMask, int phaseCount, long current) {
            return fitsIgnoringUnbalance(phaseMask, phaseCount, current)
                    && balanced(added(phaseMask, current, 0, 0, 0));
        }

        boolean fitsIgnoringUnbalance(int phaseMask, int phaseCount, long current) {
            for (int phase = 0; phase < 3; phase++) {
                if ((phaseMask & (1 << phase)) != 0 && remaining[phase] < current) {
                    return false;
                }
            }
            return remainingPower >= current * phaseCount;
        }

        void take(int phaseMask, int phaseCount, long current) {
            for (int phase = 0; phase < 3; phase++) {
                if ((phaseMask & (1 << phase)) != 0) {
                    remaining[phase] -= current;
                    chargingLoad[phase] += current;
                }
            }
            remainingPower -= current * phaseCount;
        }

        /** Whether a member on these phases could rise by 1 mA alone without breaking the unbalanced-load limit. */
        boolean unbalanceAllowsRaise(int phaseMask) {
            return balanced(added(phaseMask, 1, 0, 0, 0));
        }

        /** Whether every member of {@code rising} can be raised to {@code level} (those above it keep theirs). */
        boolean allowsLevel(int[] rising, Members members, long level) {
            long needed1 = 0;
            long needed2 = 0;
            long needed3 = 0;
            long neededPower = 0;
            for (int i : rising) {
                long raise = Math.min(level, members.maximum[i]) - members.allocated[i];
                if (raise <= 0) {
                    continue;
                }
                int mask = members.phaseMask[i];
                if ((mask & 1) != 0) {
                    needed1 += raise;
                }
                if ((mask & 2) != 0) {
                    needed2 += raise;
                }
                if ((mask & 4) != 0) {
                    needed3 += raise;
                }
                neededPower += raise * members.phaseCount[i];
            }
            return needed1 <= remaining[0] && needed2 <= remaining[1] && needed3 <= remaining[2]
                    && neededPower <= remainingPower && balanced(added(0, 0, needed1, needed2, needed3));
        }

        private long[] added(int phaseMask, long current, long extra1, long extra2, long extra3) {
            long[] load = { chargingLoad[0] + extra1, chargingLoad[1] + extra2, chargingLoad[2] + extra3 };
            for (int phase = 0; phase < 3; phase++) {
                if ((phaseMask & (1 << phase)) != 0) {
                    load[phase] += current;
                }
            }
            return load;
        }

        private boolean balanced(long[] load) {
            if (unbalancedLoadLimit == UNLIMITED) {
                return true;
            }
            long highest = Math.max(load[0], Math.max(load[1], load[2]));
            long lowest = Math.min(load[0], Math.min(load[1], load[2]));
            return highest - lowest <= unbalancedLoadLimit;
        }
    }
}
