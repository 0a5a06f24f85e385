package org.chargingmanager.billing.internal.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.chargingmanager.api.tariff.PriceSlot;

/**
 * Turns the energy registers of charging points, read every second, into the few reading
 * intervals worth storing: while energy flows, one at least every {@code maxInterval} and one at
 * every price slot boundary; one when the flow starts (so a later interval does not reach back
 * over an idle hour) and one when it stops. An idle charging point costs no writes. Not thread-safe;
 * the recorder calls it from its one thread.
 * <p>
 * Energy "flows" from the first increase of the register until it has not increased for twice
 * {@code maxInterval}; while it flows, a stored interval ends at the register's last increase
 * and is stored only when there is energy to store. An OCPP charger's register moves in steps
 * (one per MeterValues, every 10 to 60 s): taking every unchanged second for a stop would store
 * two intervals per step.
 */
public final class ReadingTracker {

    /**
     * Energy drawn at a charging point between two instants, and its register at the end; an
     * interval from and to the same instant without energy is a plain reading (the first one).
     */
    public record Interval(String evseId, Instant from, Instant to, double energyWattHours,
            double registerWattHours) {
    }

    private record Reading(Instant at, double wattHours) {
    }

    private static final class State {
        Reading stored;
        /** The previous reading, as two fields: replaced every second, a record would be a new object each time. */
        Instant previousAt;
        double previousWattHours;
        /** The reading at which the register last increased. */
        Reading lastIncrease;
        boolean flowing;

        State(Reading first) {
            stored = first;
            previousAt = first.at();
            previousWattHours = first.wattHours();
            lastIncrease = first;
        }
    }

    private final Duration maxInterval;
    private final Duration idleAfter;
    private final Map<String, State> states = new HashMap<>();

    public ReadingTracker(Duration maxInterval) {
        this.maxInterval = maxInterval;
        this.idleAfter = maxInterval.multipliedBy(2);
    }

    /**
     * @param slotAt the price slot at an instant (empty without a price): a boundary between the
     *        last stored reading and now makes a reading worth storing
     * @return the intervals to store, in order; often none
     */
    public List<Interval> observe(String evseId, Instant now, double registerWattHours,
            Function<Instant, Optional<PriceSlot>> slotAt) {
        State state = states.get(evseId);
        if (state == null || registerWattHours < state.previousWattHours) {
            Reading reading = new Reading(now, registerWattHours);
            // the first reading or a meter reset: start over, and tell the log where the register stands
            states.put(evseId, new State(reading));
            return List.of(new Interval(evseId, now, now, 0, registerWattHours));
        }
        if (!now.isAfter(state.previousAt)) {
            return List.of(); // no time has passed (or the clock stepped back): wait
        }
        List<Interval> intervals = new ArrayList<>(2);
        boolean increased = registerWattHours > state.previousWattHours;
        if (increased) {
            if (!state.flowing) {
                store(evseId, state, new Reading(state.previousAt, state.previousWattHours), intervals);
                state.flowing = true;
            }
            state.lastIncrease = new Reading(now, registerWattHours);
        } else if (state.flowing && !now.isBefore(state.lastIncrease.at().plus(idleAfter))) {
            store(evseId, state, state.lastIncrease, intervals);
            state.flowing = false;
        }
        if (state.flowing && state.lastIncrease.wattHours() > state.stored.wattHours()
                && (!now.isBefore(state.stored.at().plus(maxInterval))
                        || !Objects.equals(slotAt.apply(state.stored.at()), slotAt.apply(now)))) {
            // up to the last increase: the register has not moved since, so no energy was drawn after it
            store(evseId, state, state.lastIncrease, intervals);
        }
        state.previousAt = now;
        state.previousWattHours = registerWattHours;
        return intervals;
    }

    /** Forgets a charging point that went away. */
    public void forget(String evseId) {
        states.remove(evseId);
    }

    private static void store(String evseId, State state, Reading reading, List<Interval> intervals) {
        if (reading.at().isAfter(state.stored.at())) {
            intervals.add(new Interval(evseId, state.stored.at(), reading.at(),
                    reading.wattHours() - state.stored.wattHours(), reading.wattHours()));
            state.stored = reading;
        }
    }
}
