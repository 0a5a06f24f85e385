package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;

/**
 * One connector of an OCPP charge point as an {@link Evse}. The snapshot is replaced atomically
 * as messages arrive; {@link #applyLimit} only hands the limit to the charge point, which sends
 * it as a SetChargingProfile in its own time.
 */
final class OcppEvse implements Evse {

    private final EvseInfo info;
    private final BiConsumer<Integer, ChargingLimit> limitSink;
    private volatile EvseSnapshot snapshot;
    /** When the live connection last renewed the "seen" time (epoch milliseconds), see {@link #alive}. */
    private volatile long aliveStampMillis;

    OcppEvse(EvseInfo info, BiConsumer<Integer, ChargingLimit> limitSink) {
        this.info = info;
        this.limitSink = limitSink;
        this.snapshot = new EvseSnapshot(info.id(), Instant.now(), EvseState.OFFLINE, 0, PhaseCurrents.ZERO, 0, 0,
                null, ChargingLimit.NOT_ALLOCATED, null);
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
        EvseSnapshot current = snapshot;
        long aliveAt = aliveStampMillis;
        if (current.state() == EvseState.OFFLINE || aliveAt == 0
                || (current.seenAt() != null && current.seenAt().toEpochMilli() >= aliveAt)) {
            return current;
        }
        return current.seen(Instant.ofEpochMilli(aliveAt));
    }

    @Override
    public void applyLimit(ChargingLimit limit) {
        limitSink.accept(info.connectorId(), limit);
    }

    synchronized void update(UnaryOperator<EvseSnapshot> change) {
        snapshot = change.apply(snapshot());
    }

    /** A StatusNotification: {@code at} is the charger's time of it, {@code seenAt} the server's. */
    void state(EvseState state, Instant at, Instant seenAt) {
        update(s -> new EvseSnapshot(s.evseId(), at, state, state == EvseState.CHARGING ? s.phasesInUse() : 0,
                state == EvseState.OFFLINE ? PhaseCurrents.ZERO : s.currents(),
                state == EvseState.OFFLINE ? 0 : s.powerWatts(), s.energyWattHours(), s.idTag(), s.appliedLimit(),
                state == EvseState.OFFLINE ? s.seenAt() : seenAt));
    }

    /**
     * The charger is connected and alive at {@code now} (server clock): it is seen, its values keep
     * the time they were measured at. Only a number is written here; {@link #snapshot()} shows it as
     * the snapshot's "seen" time. At 15,000 chargers a new stored snapshot per charger every few
     * seconds made thousands of medium-lived objects a second and longer young collections.
     */
    void alive(Instant now) {
        long millis = now.toEpochMilli();
        if (millis - aliveStampMillis >= ALIVE_STAMP_EVERY.toMillis()) {
            aliveStampMillis = millis;
        }
    }

    /**
     * How often a live connection renews the EVSE's "seen" time: well within
     * {@link org.chargingmanager.api.device.Staleness#STALE_AFTER}, so it never turns stale.
     */
    static final java.time.Duration ALIVE_STAMP_EVERY = java.time.Duration.ofSeconds(3);

    void idTag(String idTag, Instant seenAt) {
        update(s -> new EvseSnapshot(s.evseId(), s.measuredAt(), s.state(), s.phasesInUse(), s.currents(),
                s.powerWatts(), s.energyWattHours(), idTag, s.appliedLimit(), seenAt));
    }

    void appliedLimit(ChargingLimit limit) {
        update(s -> new EvseSnapshot(s.evseId(), s.measuredAt(), s.state(), s.phasesInUse(), s.currents(),
                s.powerWatts(), s.energyWattHours(), s.idTag(), limit, s.seenAt()));
    }

    /** MeterValues: {@code at} is when the charger measured them (its clock), {@code seenAt} the server's time. */
    void meter(Instant at, Instant seenAt, PhaseCurrents currents, Double powerWatts, Double energyWattHours) {
        update(s -> {
            PhaseCurrents newCurrents = currents == null ? s.currents() : currents;
            int phases = 0;
            for (int phase = 1; phase <= 3; phase++) {
                phases += newCurrents.get(phase) > 500 ? 1 : 0;
            }
            return new EvseSnapshot(s.evseId(), at, s.state(), phases, newCurrents,
                    powerWatts == null ? s.powerWatts() : powerWatts,
                    energyWattHours == null ? s.energyWattHours() : energyWattHours, s.idTag(), s.appliedLimit(),
                    seenAt);
        });
    }
}
