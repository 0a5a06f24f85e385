package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.chargingmanager.api.ChargingLimit;
import org.chargingmanager.api.Evse;
import org.chargingmanager.api.EvseInfo;
import org.chargingmanager.api.EvseSnapshot;
import org.chargingmanager.api.EvseState;
import org.chargingmanager.api.PhaseCurrents;

/**
 * One connector of an OCPP charge point as an {@link Evse}. The snapshot is replaced atomically
 * as messages arrive; {@link #applyLimit} only hands the limit to the charge point, which sends
 * it as a SetChargingProfile in its own time.
 */
final class OcppEvse implements Evse {

    private final EvseInfo info;
    private final BiConsumer<Integer, ChargingLimit> limitSink;
    private volatile EvseSnapshot snapshot;

    OcppEvse(EvseInfo info, BiConsumer<Integer, ChargingLimit> limitSink) {
        this.info = info;
        this.limitSink = limitSink;
        this.snapshot = new EvseSnapshot(info.id(), Instant.now(), EvseState.OFFLINE, 0, PhaseCurrents.ZERO, 0, 0,
                null, ChargingLimit.NOT_ALLOCATED);
    }

    static String evseId(String chargeBoxId, int connectorId) {
        return "ocpp-" + chargeBoxId + "-" + connectorId;
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
    public void applyLimit(ChargingLimit limit) {
        limitSink.accept(info.connectorId(), limit);
    }

    synchronized void update(UnaryOperator<EvseSnapshot> change) {
        snapshot = change.apply(snapshot);
    }

    void state(EvseState state, Instant at) {
        update(s -> new EvseSnapshot(s.evseId(), at, state, state == EvseState.CHARGING ? s.phasesInUse() : 0,
                state == EvseState.OFFLINE ? PhaseCurrents.ZERO : s.currents(),
                state == EvseState.OFFLINE ? 0 : s.powerWatts(), s.energyWattHours(), s.idTag(), s.appliedLimit()));
    }

    /** The charger is connected and alive: its last state and values hold as of {@code now}. */
    void alive(Instant now) {
        update(s -> s.state() == EvseState.OFFLINE || s.timestamp() == null || !s.timestamp().isBefore(now) ? s
                : new EvseSnapshot(s.evseId(), now, s.state(), s.phasesInUse(), s.currents(), s.powerWatts(),
                        s.energyWattHours(), s.idTag(), s.appliedLimit()));
    }

    void idTag(String idTag, Instant at) {
        update(s -> new EvseSnapshot(s.evseId(), at, s.state(), s.phasesInUse(), s.currents(), s.powerWatts(),
                s.energyWattHours(), idTag, s.appliedLimit()));
    }

    void appliedLimit(ChargingLimit limit) {
        update(s -> new EvseSnapshot(s.evseId(), s.timestamp(), s.state(), s.phasesInUse(), s.currents(),
                s.powerWatts(), s.energyWattHours(), s.idTag(), limit));
    }

    void meter(Instant at, PhaseCurrents currents, Double powerWatts, Double energyWattHours) {
        update(s -> {
            PhaseCurrents newCurrents = currents == null ? s.currents() : currents;
            int phases = 0;
            for (int phase = 1; phase <= 3; phase++) {
                phases += newCurrents.get(phase) > 500 ? 1 : 0;
            }
            return new EvseSnapshot(s.evseId(), at, s.state(), phases, newCurrents,
                    powerWatts == null ? s.powerWatts() : powerWatts,
                    energyWattHours == null ? s.energyWattHours() : energyWattHours, s.idTag(), s.appliedLimit());
        });
    }
}
