package org.chargingmanager.core.internal.loadmanager;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;

/** Charging points whose cars draw what they are allowed, and a grid meter that sees them. */
final class FakeSite {

    final Clock clock;
    final List<FakeEvse> evses = new ArrayList<>();
    PhaseCurrents baseLoad = PhaseCurrents.ZERO;
    boolean meterOnline = true;

    FakeSite(Clock clock) {
        this.clock = clock;
    }

    final class FakeEvse implements Evse {
        final EvseInfo info;
        boolean carConnected = true;
        boolean online = true;
        /** Whether the grid meter measures this charging point (false: wired before the meter, or another building). */
        boolean seenByGridMeter = true;
        int carMaxMilliamps = Integer.MAX_VALUE;
        /** The RFID of the session, or null. */
        String idTag;
        ChargingLimit limit = ChargingLimit.NOT_ALLOCATED;
        final List<ChargingLimit> applied = new ArrayList<>();

        FakeEvse(String id, int phases, PhaseRotation rotation) {
            info = new EvseInfo(id, id, "fake", id, 1, phases, rotation, 6000, 16000);
        }

        int drawnMilliamps() {
            return carConnected && limit.currentMilliamps() >= info.minCurrentMilliamps()
                    ? Math.min(carMaxMilliamps, Math.min(limit.currentMilliamps(), info.maxCurrentMilliamps())) : 0;
        }

        @Override
        public EvseInfo info() {
            return info;
        }

        @Override
        public EvseSnapshot snapshot() {
            int current = drawnMilliamps();
            EvseState state = !carConnected ? EvseState.AVAILABLE
                    : current > 0 ? EvseState.CHARGING : EvseState.SUSPENDED_EVSE;
            return new EvseSnapshot(info.id(), online ? clock.instant() : clock.instant().minusSeconds(60), state,
                    current > 0 ? info.phases() : 0, PhaseCurrents.onPhases(current > 0 ? info.phases() : 0, current),
                    current * 230.0 * info.phases() / 1000, 0, carConnected ? idTag : null, limit);
        }

        @Override
        public void applyLimit(ChargingLimit newLimit) {
            limit = newLimit;
            applied.add(newLimit);
        }
    }

    FakeEvse addEvse(String id, int phases, PhaseRotation rotation) {
        FakeEvse evse = new FakeEvse(id, phases, rotation);
        evses.add(evse);
        return evse;
    }

    /** What really flows through the house connection. */
    PhaseCurrents gridCurrents() {
        return currents(false);
    }

    /** What the grid meter shows: the base load and the charging points it sees. */
    PhaseCurrents meterCurrents() {
        return currents(true);
    }

    private PhaseCurrents currents(boolean onlySeen) {
        PhaseCurrents total = baseLoad;
        for (FakeEvse evse : evses) {
            if (!onlySeen || evse.seenByGridMeter) {
                total = total.plus(evse.info.phaseRotation().toGrid(evse.snapshot().currents()));
            }
        }
        return total;
    }

    double gridPowerWatts() {
        return watts(gridCurrents());
    }

    private static double watts(PhaseCurrents currents) {
        return (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * 230.0 / 1000;
    }

    Meter gridMeter() {
        return new Meter() {
            @Override
            public MeterInfo info() {
                return new MeterInfo("grid", "Grid", "fake", MeterRole.GRID);
            }

            @Override
            public MeterReading reading() {
                PhaseCurrents currents = meterCurrents();
                return new MeterReading(meterOnline ? clock.instant() : clock.instant().minusSeconds(60),
                        watts(currents), new PhasePowers(currents.l1Milliamps() * 0.23, currents.l2Milliamps() * 0.23,
                                currents.l3Milliamps() * 0.23),
                        currents, null, 0, 0);
            }
        };
    }
}
