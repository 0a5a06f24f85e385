package org.chargingmanager.core.internal.plan;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.plan.ChargingPlanRequest;
import org.chargingmanager.api.plan.ChargingPlanStatus;
import org.chargingmanager.api.plan.PlanState;
import org.chargingmanager.api.plan.PlannedSlot;
import org.chargingmanager.api.plan.SolarSlot;
import org.chargingmanager.api.tariff.PriceForecast;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the plans from cycle to cycle: counts the energy each car has charged since its plan
 * began, re-plans ({@link Planner}) when a plan, the prices, the cars or the site changed or a
 * minute has passed, ends plans, and says what current each planned charging point may have now.
 * A plan that is done holds its charging point at 0 from the grid until the car is unplugged or
 * the plan removed (the PV modes still charge from surplus); one whose deadline passed unmet lets
 * the charging mode decide again. Not thread safe; time comes from the caller.
 */
public final class PlanTracker {

    /** Plans are made again at least this often, with what was really charged. */
    static final Duration REPLAN_INTERVAL = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(PlanTracker.class);

    /**
     * What a cycle gets from the plans.
     *
     * @param milliamps the current each steered charging point may have now (0: it waits)
     * @param details why, in words, per steered charging point
     * @param ended the plans that ended this cycle (charged, deadline passed without a car, car unplugged)
     * @param started the plans whose car was first seen plugged in: their energy register then
     */
    public record Steering(Map<String, Integer> milliamps, Map<String, String> details, Set<String> ended,
            Map<String, Double> started) {
    }

    private final Map<String, ChargingPlanStatus> statuses = new TreeMap<>();
    private final Map<String, PlanOutcome> outcomes = new HashMap<>();
    private final Set<String> infeasibleReported = new HashSet<>();
    private Instant plannedAt;
    private Object plannedFor;

    /**
     * @param requests the plans, by charging point
     * @param startRegisters the energy register of each plan's car when it was first seen plugged in
     * @param site the house connection, or {@code null} while it is not known yet (the planned
     *        charging points then wait)
     */
    public Steering follow(Instant now, Map<String, ChargingPlanRequest> requests, Map<String, Double> startRegisters,
            List<PlanCar> cars, PlanningSite site, PriceForecast forecast, List<SolarSlot> solar, ZoneId zone) {
        Map<String, PlanCar> carById = new HashMap<>();
        for (PlanCar car : cars) {
            carById.put(car.evseId(), car);
        }
        Map<String, Double> started = new HashMap<>();
        Set<String> ended = new HashSet<>();
        Map<String, Double> delivered = new HashMap<>();
        List<PlanDemand> demands = new ArrayList<>();
        Set<String> connected = new HashSet<>();
        for (ChargingPlanRequest request : requests.values()) {
            String id = request.evseId();
            PlanCar car = carById.get(id);
            Double start = startRegisters.get(id);
            boolean plugged = car != null && car.connected();
            if (plugged && start == null) {
                start = car.energyRegisterWattHours();
                started.put(id, start);
                LOG.info("EVSE {}: car plugged in, charging plan of {} kWh by {} begins", id, kilowattHours(request
                        .energyWattHours()), request.deadline());
            }
            if (!plugged && start != null) {
                ended.add(id);
                LOG.info("EVSE {}: car unplugged, charging plan ends", id);
                continue;
            }
            if (!plugged && !request.deadline().isAfter(now)) {
                ended.add(id);
                LOG.info("EVSE {}: the deadline of its charging plan passed without a car, plan ends", id);
                continue;
            }
            double charged = plugged ? Math.max(0, car.energyRegisterWattHours() - start) : 0;
            delivered.put(id, charged);
            double remaining = request.energyWattHours() - charged;
            if (plugged) {
                connected.add(id);
            }
            if (remaining > 0.5 && request.deadline().isAfter(now)) {
                PlanCar planned = car != null ? car : new PlanCar(id, 0, List.of(Phase.values()), 6000, 16_000, false, 0);
                demands.add(new PlanDemand(id, planned.priority(), planned.gridPhases(), planned.minMilliamps(),
                        planned.maxMilliamps(), remaining, request.deadline()));
            }
        }
        statuses.keySet().retainAll(requests.keySet());
        statuses.keySet().removeAll(ended);

        Object inputs = List.of(requests, connected, forecastKey(forecast), solar.size(),
                site == null ? "" : List.of(site.houseLimit(), site.powerLimitWatts()));
        if (site != null && (plannedAt == null || !Objects.equals(inputs, plannedFor)
                || !now.isBefore(plannedAt.plus(REPLAN_INTERVAL)))) {
            outcomes.clear();
            outcomes.putAll(Planner.plan(now, site, forecast.from(now), solar, demands, zone));
            plannedAt = now;
            plannedFor = inputs;
        }

        Map<String, Integer> milliamps = new TreeMap<>();
        Map<String, String> details = new HashMap<>();
        for (ChargingPlanRequest request : requests.values()) {
            String id = request.evseId();
            if (ended.contains(id)) {
                continue;
            }
            double charged = delivered.getOrDefault(id, 0.0);
            PlanOutcome outcome = outcomes.get(id);
            ChargingPlanStatus status = status(request, charged, outcome, connected.contains(id), now, forecast, zone);
            statuses.put(id, status);
            report(id, status);
            if (!connected.contains(id)) {
                continue;
            }
            if (status.state() == PlanState.PLANNED || status.state() == PlanState.NOT_FEASIBLE) {
                int current = site == null || outcome == null ? 0 : outcome.milliampsAt(now);
                milliamps.put(id, current);
                details.put(id, detail(request, current, outcome, now, zone));
            } else if (status.state() == PlanState.DONE) {
                milliamps.put(id, 0);
                details.put(id, "charging plan: done, " + kilowattHours(charged) + " kWh charged");
            }
        }
        return new Steering(milliamps, details, ended, started);
    }

    /** The latest status of every plan followed. */
    public Map<String, ChargingPlanStatus> statuses() {
        return Map.copyOf(statuses);
    }

    private ChargingPlanStatus status(ChargingPlanRequest request, double charged, PlanOutcome outcome, boolean plugged,
            Instant now, PriceForecast forecast, ZoneId zone) {
        List<PlannedSlot> slots = outcome == null ? List.of() : outcome.slots().stream()
                .filter(slot -> slot.end().isAfter(now)).toList();
        double plannedWattHours = slots.stream().mapToDouble(PlannedSlot::energyWattHours).sum();
        double cost = outcome == null ? Double.NaN : outcome.expectedCost();
        PlanState state;
        String reason;
        if (charged >= request.energyWattHours() - 0.5) {
            state = PlanState.DONE;
            reason = "charged " + kilowattHours(charged) + " kWh";
            slots = List.of();
            plannedWattHours = 0;
        } else if (!request.deadline().isAfter(now)) {
            state = PlanState.DEADLINE_PASSED;
            reason = "charged " + kilowattHours(charged) + " of " + kilowattHours(request.energyWattHours())
                    + " kWh by the deadline";
        } else if (outcome == null) {
            state = plugged ? PlanState.PLANNED : PlanState.WAITING_FOR_CAR;
            reason = "not planned yet";
        } else if (!outcome.feasible()) {
            state = PlanState.NOT_FEASIBLE;
            reason = outcome.reason();
        } else {
            state = plugged ? PlanState.PLANNED : PlanState.WAITING_FOR_CAR;
            reason = plugged ? "" : "planned as if the car were plugged in now";
        }
        return new ChargingPlanStatus(request, state, reason, charged, plannedWattHours, slots, cost,
                forecast.currency(), plannedAt);
    }

    private void report(String id, ChargingPlanStatus status) {
        if (status.state() == PlanState.NOT_FEASIBLE) {
            if (infeasibleReported.add(id)) {
                LOG.warn("EVSE {}: charging plan cannot be met: {}", id, status.reason());
            }
        } else if (infeasibleReported.remove(id) && status.state() == PlanState.PLANNED) {
            LOG.info("EVSE {}: charging plan can be met again", id);
        }
    }

    private static String detail(ChargingPlanRequest request, int current, PlanOutcome outcome, Instant now, ZoneId zone) {
        String target = "charging plan: " + kilowattHours(request.energyWattHours()) + " kWh by "
                + Planner.TIME.format(request.deadline().atZone(zone));
        if (current > 0) {
            return target;
        }
        PlannedSlot next = outcome == null ? null : outcome.nextAfter(now);
        return next == null ? target + ", waiting" : target + ", waits for " + Planner.TIME.format(next.start().atZone(zone));
    }

    private static Object forecastKey(PriceForecast forecast) {
        return List.of(forecast.currency(), forecast.slots().size(), String.valueOf(forecast.fetchedAt()),
                forecast.slots().isEmpty() ? "" : forecast.slots().get(0).start());
    }

    /** Energy in kWh with one decimal, for logs and reasons. */
    static String kilowattHours(double wattHours) {
        return String.format(java.util.Locale.ROOT, "%.1f", wattHours / 1000);
    }
}
