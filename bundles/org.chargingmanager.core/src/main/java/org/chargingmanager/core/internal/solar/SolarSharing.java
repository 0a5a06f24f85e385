package org.chargingmanager.core.internal.solar;

import org.chargingmanager.api.evse.ChargingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Shares the PV surplus among the charging points in a solar mode: a pure function of the grid
 * reading, the demands, the hysteresis state of the last cycle and the time.
 *
 * <p>The surplus is what the grid meter shows fed in, plus what the solar charging points draw
 * now (it would be fed in without them), plus the import tolerance, corrected for the home
 * battery ({@link HomeBattery}). "Minimum + PV" charging
 * points always keep their minimum (it comes from the grid when the sun does not cover it) and
 * share what is left over their minimum. "PV only" charging points are admitted one after the
 * other (higher priority first, those already charging before those waiting) while the surplus
 * covers their minimum; the rest of the surplus is shared evenly among the admitted ones, up to
 * their maximum. A waiting one starts only after it has been admitted for the start delay; a
 * charging one that is no longer admitted keeps its minimum for the stop delay (from the grid, not
 * from the others' share), then stops.
 * Without a fresh grid reading there is no surplus, and "PV only" stops at once.
 *
 * <p>The result is a cap per charging point; the allocation still keeps every cap within the
 * house connection.
 */
public final class SolarSharing {

    /**
     * @param capMilliamps the most each solar charging point may get this cycle (0: pause)
     * @param details why, in words, per charging point
     * @param states the hysteresis state for the next cycle, per "PV only" charging point
     * @param phases for the charging points that may choose: 3 when their share covers the
     *        three-phase minimum, else 1
     */
    public record Result(Map<String, Integer> capMilliamps, Map<String, String> details, Map<String, SolarState> states,
            Map<String, Integer> phases) {
    }

    private SolarSharing() {
    }

    /**
     * @param gridPowerWatts the grid meter's power, import positive; {@link Double#NaN} when not
     *        known (meter silent or stale)
     */
    public static Result share(double gridPowerWatts, List<SolarDemand> demands, Map<String, SolarState> previous,
            SolarSettings settings, Instant now) {
        return share(gridPowerWatts, HomeBattery.NONE, demands, previous, settings, now);
    }

    /**
     * @param gridPowerWatts the grid meter's power, import positive; {@link Double#NaN} when not
     *        known (meter silent or stale)
     * @param battery the home battery: its discharge is not surplus, its charge is unless it comes first
     */
    public static Result share(double gridPowerWatts, HomeBattery battery, List<SolarDemand> demands,
            Map<String, SolarState> previous, SolarSettings settings, Instant now) {
        Map<String, Integer> caps = new HashMap<>();
        Map<String, String> details = new HashMap<>();
        Map<String, SolarState> states = new HashMap<>();
        boolean gridKnown = Double.isFinite(gridPowerWatts);
        double surplus = 0;
        if (gridKnown) {
            surplus = -gridPowerWatts + settings.importToleranceWatts() + battery.surplusCorrectionWatts();
            for (SolarDemand demand : demands) {
                surplus += Math.max(0, demand.drawnWatts());
            }
        }

        List<SolarDemand> ordered = new ArrayList<>(demands);
        ordered.sort(Comparator.comparingInt(SolarDemand::priority).reversed()
                .thenComparing(demand -> !previous.getOrDefault(demand.id(), SolarState.IDLE).charging())
                .thenComparing(SolarDemand::id));

        double remaining = surplus;
        for (SolarDemand demand : ordered) {
            if (demand.mode() == ChargingMode.MIN_PV) {
                remaining -= minimumWatts(demand, settings);
            }
        }
        List<SolarDemand> admitted = new ArrayList<>();
        for (SolarDemand demand : ordered) {
            if (demand.mode() == ChargingMode.MIN_PV) {
                admitted.add(demand);
                continue;
            }
            SolarState before = previous.getOrDefault(demand.id(), SolarState.IDLE);
            double minimumWatts = minimumWatts(demand, settings);
            boolean covered = gridKnown && remaining >= minimumWatts && demand.maxMilliamps() >= demand.minMilliamps();
            if (before.charging()) {
                if (covered) {
                    remaining -= minimumWatts;
                    admitted.add(demand);
                    states.put(demand.id(), new SolarState(true, null));
                } else {
                    Instant shortSince = before.changePendingSince() == null ? now : before.changePendingSince();
                    if (gridKnown && elapsed(shortSince, now, settings.stopDelay())) {
                        states.put(demand.id(), SolarState.IDLE);
                        caps.put(demand.id(), 0);
                        details.put(demand.id(), "PV surplus too small for the minimum: stopped");
                    } else if (gridKnown) {
                        states.put(demand.id(), new SolarState(true, shortSince));
                        caps.put(demand.id(), demand.minMilliamps());
                        details.put(demand.id(), "PV surplus too small: minimum for up to "
                                + settings.stopDelay().toSeconds() + " s");
                    } else {
                        states.put(demand.id(), SolarState.IDLE);
                        caps.put(demand.id(), 0);
                        details.put(demand.id(), "no grid reading: no PV surplus known");
                    }
                }
            } else if (covered) {
                Instant enoughSince = before.changePendingSince() == null ? now : before.changePendingSince();
                if (elapsed(enoughSince, now, settings.startDelay())) {
                    remaining -= minimumWatts;
                    admitted.add(demand);
                    states.put(demand.id(), new SolarState(true, null));
                } else {
                    states.put(demand.id(), new SolarState(false, enoughSince));
                    caps.put(demand.id(), 0);
                    details.put(demand.id(), "PV surplus enough: starts after " + settings.startDelay().toSeconds() + " s");
                }
            } else {
                states.put(demand.id(), SolarState.IDLE);
                caps.put(demand.id(), 0);
                details.put(demand.id(), gridKnown ? "waiting for PV surplus" : "no grid reading: no PV surplus known");
            }
        }

        Map<String, Integer> phases = new HashMap<>();
        shareEvenly(admitted, Math.max(0, remaining), settings, caps, details, phases);
        for (SolarDemand demand : demands) {
            if (demand.mayChoosePhases() && !phases.containsKey(demand.id())) {
                phases.put(demand.id(), demand.phases());
            }
        }
        return new Result(caps, details, states, phases);
    }

    /** The surplus above the minimums, as a rising level of extra watts per admitted charging point. */
    private static void shareEvenly(List<SolarDemand> admitted, double extraWatts, SolarSettings settings,
            Map<String, Integer> caps, Map<String, String> details, Map<String, Integer> phases) {
        Map<String, Double> extra = new HashMap<>();
        List<SolarDemand> rising = new ArrayList<>(admitted);
        double left = extraWatts;
        while (!rising.isEmpty() && left > 1e-9) {
            double share = left / rising.size();
            List<SolarDemand> next = new ArrayList<>();
            double given = 0;
            for (SolarDemand demand : rising) {
                double room = maximumWatts(demand, settings) - minimumWatts(demand, settings)
                        - extra.getOrDefault(demand.id(), 0.0);
                double take = Math.min(room, share);
                extra.merge(demand.id(), take, Double::sum);
                given += take;
                if (room > share) {
                    next.add(demand);
                }
            }
            left -= given;
            if (next.size() == rising.size()) {
                break;
            }
            rising = next;
        }
        for (SolarDemand demand : admitted) {
            double totalWatts = minimumWatts(demand, settings) + extra.getOrDefault(demand.id(), 0.0);
            int chosenPhases = demand.phases();
            if (demand.mayChoosePhases()) {
                chosenPhases = totalWatts >= demand.minMilliamps() / 1000.0 * settings.volts() * 3 ? 3 : 1;
                phases.put(demand.id(), chosenPhases);
            }
            int milliamps = (int) Math.floor(totalWatts / (settings.volts() * chosenPhases) * 1000);
            caps.put(demand.id(), Math.max(demand.minMilliamps(), Math.min(demand.maxMilliamps(), milliamps)));
            details.put(demand.id(), demand.mode() == ChargingMode.MIN_PV ? "minimum + PV surplus" : "PV surplus");
        }
    }

    /** The power of its minimum current on the fewest phases it may use this cycle. */
    private static double minimumWatts(SolarDemand demand, SolarSettings settings) {
        return demand.minMilliamps() / 1000.0 * settings.volts() * demand.fewestPhases();
    }

    /** The power of its maximum current on the most phases it may use this cycle. */
    private static double maximumWatts(SolarDemand demand, SolarSettings settings) {
        return demand.maxMilliamps() / 1000.0 * settings.volts() * (demand.mayChoosePhases() ? 3 : demand.phases());
    }

    private static boolean elapsed(Instant since, Instant now, Duration delay) {
        return Duration.between(since, now).compareTo(delay) >= 0;
    }
}
