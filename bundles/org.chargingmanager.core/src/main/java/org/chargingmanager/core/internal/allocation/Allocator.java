package org.chargingmanager.core.internal.allocation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.chargingmanager.api.ChargingLimit;
import org.chargingmanager.api.LimitReason;
import org.chargingmanager.api.Phase;

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

        Map<String, Long> allocated = new TreeMap<>();
        List<EvseDemand> granted = new ArrayList<>();
        for (EvseDemand demand : candidates) {
            long minimum = demand.minMilliamps();
            if (fits(demand, minimum, remaining, remainingPower[0])) {
                take(demand, minimum, remaining, remainingPower);
                allocated.put(demand.id(), minimum);
                granted.add(demand);
            } else {
                result.put(demand.id(), new ChargingLimit(0, shortage, "not enough for the minimum current"));
            }
        }

        int index = 0;
        while (index < granted.size()) {
            int priority = granted.get(index).priority();
            List<EvseDemand> group = new ArrayList<>();
            while (index < granted.size() && granted.get(index).priority() == priority) {
                group.add(granted.get(index++));
            }
            raiseWaterLevel(group, allocated, remaining, remainingPower);
        }

        for (EvseDemand demand : granted) {
            long current = allocated.get(demand.id());
            boolean atMaximum = current >= demand.maxMilliamps();
            result.put(demand.id(), atMaximum
                    ? new ChargingLimit((int) current, demand.maxReason(), demand.maxDetail())
                    : new ChargingLimit((int) current, shortage, ""));
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

    private static boolean fits(EvseDemand demand, long current, long[] remaining, long remainingPower) {
        for (Phase phase : demand.gridPhases()) {
            if (remaining[phase.ordinal()] < current) {
                return false;
            }
        }
        return remainingPower >= current * demand.gridPhases().size();
    }

    private static void take(EvseDemand demand, long current, long[] remaining, long[] remainingPower) {
        for (Phase phase : demand.gridPhases()) {
            remaining[phase.ordinal()] -= current;
        }
        remainingPower[0] -= current * demand.gridPhases().size();
    }

    /** Raises every member of the group to a common level, as far as phases and power allow. */
    private static void raiseWaterLevel(List<EvseDemand> group, Map<String, Long> allocated, long[] remaining,
            long[] remainingPower) {
        List<EvseDemand> rising = new ArrayList<>(group);
        while (true) {
            rising.removeIf(demand -> allocated.get(demand.id()) >= demand.maxMilliamps());
            if (rising.isEmpty()) {
                return;
            }
            long low = Long.MAX_VALUE;
            long high = 0;
            for (EvseDemand demand : rising) {
                low = Math.min(low, allocated.get(demand.id()));
                high = Math.max(high, demand.maxMilliamps());
            }
            while (low < high) {
                long middle = low + (high - low + 1) / 2;
                if (feasible(rising, allocated, middle, remaining, remainingPower[0])) {
                    low = middle;
                } else {
                    high = middle - 1;
                }
            }
            long level = low;
            for (EvseDemand demand : rising) {
                long before = allocated.get(demand.id());
                long after = Math.max(before, Math.min(level, demand.maxMilliamps()));
                take(demand, after - before, remaining, remainingPower);
                allocated.put(demand.id(), after);
            }
            long[] growingPerPhase = new long[3];
            long growingPower = 0;
            for (EvseDemand demand : rising) {
                if (allocated.get(demand.id()) <= level && allocated.get(demand.id()) < demand.maxMilliamps()) {
                    for (Phase phase : demand.gridPhases()) {
                        growingPerPhase[phase.ordinal()]++;
                    }
                    growingPower += demand.gridPhases().size();
                }
            }
            if (growingPower == 0) {
                return;
            }
            if (growingPower > remainingPower[0]) {
                return;
            }
            boolean[] full = new boolean[3];
            boolean anyFull = false;
            for (int phase = 0; phase < 3; phase++) {
                full[phase] = growingPerPhase[phase] > remaining[phase];
                anyFull |= full[phase];
            }
            if (!anyFull) {
                return;
            }
            rising.removeIf(demand -> demand.gridPhases().stream().anyMatch(phase -> full[phase.ordinal()]));
        }
    }

    private static boolean feasible(List<EvseDemand> rising, Map<String, Long> allocated, long level, long[] remaining,
            long remainingPower) {
        long[] needed = new long[3];
        long neededPower = 0;
        for (EvseDemand demand : rising) {
            long before = allocated.get(demand.id());
            long raise = Math.max(0, Math.min(level, demand.maxMilliamps()) - before);
            if (raise == 0) {
                continue;
            }
            for (Phase phase : demand.gridPhases()) {
                needed[phase.ordinal()] += raise;
            }
            neededPower += raise * demand.gridPhases().size();
        }
        for (int phase = 0; phase < 3; phase++) {
            if (needed[phase] > remaining[phase]) {
                return false;
            }
        }
        return neededPower <= remainingPower;
    }
}
