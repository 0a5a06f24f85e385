package org.chargingmanager.simulator.internal;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;

/**
 * One simulated charging point. A connected car charges at the smallest of the applied limit,
 * the wallbox's maximum and the car's maximum, on the phases both support; at limit 0 it is
 * suspended by the EVSE, with a full battery by the EV. The energy register grows like a real
 * meter's. Time only moves in {@link #tick(Instant)}, so tests control it.
 */
final class SimulatedConnector implements Evse {

    static final double VOLTS = 230;

    private final EvseInfo info;
    private SimulatedCar car;
    private ChargingLimit limit = ChargingLimit.NOT_ALLOCATED;
    private boolean online = true;
    private double energyWattHours;
    private Instant lastTick;
    private volatile EvseSnapshot snapshot;

    SimulatedConnector(EvseInfo info, Instant now) {
        this.info = info;
        this.lastTick = now;
        this.snapshot = compute(now);
    }

    @Override
    public EvseInfo info() {
        return info;
    }

    @Override
    public EvseSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public synchronized void applyLimit(ChargingLimit newLimit) {
        limit = newLimit;
    }

    synchronized void plugIn(SimulatedCar newCar) {
        car = newCar;
    }

    synchronized void unplug() {
        car = null;
    }

    synchronized boolean carPluggedIn() {
        return car != null;
    }

    synchronized void setOnline(boolean online) {
        this.online = online;
    }

    /** Advances the simulation to {@code now}: the energy drawn since the last tick is metered. */
    synchronized void tick(Instant now) {
        if (!now.isAfter(lastTick)) {
            return;
        }
        EvseSnapshot previous = snapshot;
        double hours = Duration.between(lastTick, now).toNanos() / 3.6e12;
        double energy = previous.state() == EvseState.OFFLINE ? drawWatts() * hours : previous.powerWatts() * hours;
        energyWattHours += energy;
        if (car != null) {
            car.charge(energy);
        }
        lastTick = now;
        if (online) {
            snapshot = compute(now);
        } else if (previous.state() != EvseState.OFFLINE) {
            snapshot = new EvseSnapshot(info.id(), previous.measuredAt(), EvseState.OFFLINE, previous.phasesInUse(),
                    previous.currents(), previous.powerWatts(), previous.energyWattHours(), null, limit);
        }
    }

    private double drawWatts() {
        int current = drawMilliamps();
        return current * VOLTS * phasesInUse() / 1000.0;
    }

    private int phasesInUse() {
        return car == null ? 0 : Math.min(car.phases(), info.phases());
    }

    private int drawMilliamps() {
        if (car == null || car.full() || limit.currentMilliamps() < info.minCurrentMilliamps()
                || limit.currentMilliamps() == 0) {
            return 0;
        }
        return Math.min(limit.currentMilliamps(), Math.min(info.maxCurrentMilliamps(), car.maxCurrentMilliamps()));
    }

    private EvseSnapshot compute(Instant now) {
        int current = drawMilliamps();
        EvseState state;
        if (car == null) {
            state = EvseState.AVAILABLE;
        } else if (current > 0) {
            state = EvseState.CHARGING;
        } else if (limit.currentMilliamps() < Math.max(1, info.minCurrentMilliamps())) {
            state = EvseState.SUSPENDED_EVSE;
        } else {
            state = EvseState.SUSPENDED_EV;
        }
        int phases = current > 0 ? phasesInUse() : 0;
        return new EvseSnapshot(info.id(), now, state, phases, PhaseCurrents.onPhases(phases, current),
                current * VOLTS * phases / 1000.0, energyWattHours, null, limit);
    }
}
