package org.chargingmanager.testkit.devices;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;

/**
 * A charging point whose values the test sets, or, with {@link #carFollowsLimit(int)}, one with a car that draws
 * what it is allowed. Every {@link #applyLimit(ChargingLimit)} is recorded. Thread safe.
 *
 * <p>Time stamps come from the clock: while {@link #online(boolean) online} the snapshot is measured and seen
 * now; offline it keeps the instant it was last seen, so it turns stale by the API's rule as a real device does.
 */
public final class FakeEvse implements Evse {

    private static final double VOLTS = 230.0;

    private final EvseInfo info;
    private final Clock clock;
    private final List<ChargingLimit> applied = new ArrayList<>();

    private EvseState state = EvseState.AVAILABLE;
    private PhaseCurrents currents = PhaseCurrents.ZERO;
    private int phasesInUse;
    private Double powerWatts;
    private double energyWattHours;
    private String idTag;
    private boolean online = true;
    private Instant lastSeen;
    private ChargingLimit limit = ChargingLimit.NOT_ALLOCATED;
    private Integer carMaxMilliamps;
    private boolean carConnected = true;

    public FakeEvse(EvseInfo info, Clock clock) {
        this.info = info;
        this.clock = clock;
        this.lastSeen = clock.instant();
    }

    /** A three-phase charging point of 6 to 16 A, driver {@code fake}, connector 1. */
    public static FakeEvse threePhase(String id, Clock clock) {
        return new FakeEvse(info(id, "fake", 3, PhaseRotation.L1_L2_L3), clock);
    }

    /** An {@code EvseInfo} of 6 to 16 A on connector 1 with the ID as name and address. */
    public static EvseInfo info(String id, String driver, int phases, PhaseRotation rotation) {
        return new EvseInfo(id, id, driver, id, 1, phases, rotation, 6000, 16000);
    }

    /**
     * From now on the snapshot follows the applied limit: a connected car draws the limit on every phase of the
     * charging point (or on as many as the limit asks for, 1 or 3), at most {@code milliamps} and the charging point's maximum, nothing below its minimum.
     */
    public synchronized FakeEvse carFollowsLimit(int milliamps) {
        carMaxMilliamps = milliamps;
        return this;
    }

    /** With {@link #carFollowsLimit(int)}: whether a car is plugged in. */
    public synchronized FakeEvse carConnected(boolean connected) {
        carConnected = connected;
        return this;
    }

    public synchronized FakeEvse state(EvseState newState) {
        state = newState;
        return this;
    }

    /** Sets the measured currents; the phases in use are those with current. */
    public synchronized FakeEvse currents(PhaseCurrents newCurrents) {
        currents = newCurrents == null ? PhaseCurrents.ZERO : newCurrents;
        phasesInUse = (currents.l1Milliamps() > 0 ? 1 : 0) + (currents.l2Milliamps() > 0 ? 1 : 0)
                + (currents.l3Milliamps() > 0 ? 1 : 0);
        return this;
    }

    /** Sets the power; without it the power is computed from the currents at 230 V. */
    public synchronized FakeEvse powerWatts(double watts) {
        powerWatts = watts;
        return this;
    }

    public synchronized FakeEvse energyWattHours(double wattHours) {
        energyWattHours = wattHours;
        return this;
    }

    public synchronized FakeEvse idTag(String tag) {
        idTag = tag;
        return this;
    }

    /** Offline, the device stops answering: its snapshot keeps the time it was last seen. */
    public synchronized FakeEvse online(boolean answering) {
        if (online && !answering) {
            lastSeen = clock.instant();
        }
        online = answering;
        return this;
    }

    /** The last limit applied, {@link ChargingLimit#NOT_ALLOCATED} before the first. */
    public synchronized ChargingLimit limit() {
        return limit;
    }

    /** Every limit applied so far, oldest first. */
    public synchronized List<ChargingLimit> appliedLimits() {
        return List.copyOf(applied);
    }

    /** With {@link #carFollowsLimit(int)}: what the car draws per phase of the charging point now. */
    public synchronized int drawnMilliamps() {
        if (carMaxMilliamps == null) {
            return Math.max(currents.l1Milliamps(), Math.max(currents.l2Milliamps(), currents.l3Milliamps()));
        }
        return carConnected && limit.currentMilliamps() >= info.minCurrentMilliamps()
                ? Math.min(carMaxMilliamps, Math.min(limit.currentMilliamps(), info.maxCurrentMilliamps())) : 0;
    }

    @Override
    public EvseInfo info() {
        return info;
    }

    @Override
    public synchronized EvseSnapshot snapshot() {
        Instant at = online ? clock.instant() : lastSeen;
        if (carMaxMilliamps != null) {
            int drawn = drawnMilliamps();
            EvseState carState = !carConnected ? EvseState.AVAILABLE
                    : drawn > 0 ? EvseState.CHARGING : EvseState.SUSPENDED_EVSE;
            int phases = drawn == 0 ? 0 : limit.phases() != 0 ? Math.min(limit.phases(), info.phases()) : info.phases();
            return new EvseSnapshot(info.id(), at, carState, phases, PhaseCurrents.onPhases(phases, drawn),
                    drawn * VOLTS * phases / 1000, energyWattHours, carConnected ? idTag : null, limit, at);
        }
        double watts = powerWatts != null ? powerWatts
                : (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * VOLTS / 1000;
        return new EvseSnapshot(info.id(), at, state, phasesInUse, currents, watts, energyWattHours, idTag, limit, at);
    }

    @Override
    public synchronized void applyLimit(ChargingLimit newLimit) {
        limit = newLimit;
        applied.add(newLimit);
    }
}
