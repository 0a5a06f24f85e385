package org.chargingmanager.core.internal.loadmanager;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.testkit.devices.FakeEvse;

/**
 * The physics of a site: charging points (the test kit's fakes) whose cars draw what they are allowed, a base
 * load, and a grid meter that sees the base load and the charging points wired behind it.
 */
final class FakeSite {

    final Clock clock;
    final List<FakeEvse> evses = new ArrayList<>();
    private final Set<FakeEvse> unseenByGridMeter = new HashSet<>();
    PhaseCurrents baseLoad = PhaseCurrents.ZERO;
    boolean meterOnline = true;

    FakeSite(Clock clock) {
        this.clock = clock;
    }

    /** A charging point of 6 to 16 A whose car draws up to 32 A. */
    FakeEvse addEvse(String id, int phases, PhaseRotation rotation) {
        FakeEvse evse = new FakeEvse(FakeEvse.info(id, "fake", phases, rotation), clock).carFollowsLimit(32_000);
        evses.add(evse);
        return evse;
    }

    /** The grid meter does not measure this charging point (wired before the meter, or in another building). */
    void hideFromGridMeter(FakeEvse evse) {
        unseenByGridMeter.add(evse);
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
            if (!onlySeen || !unseenByGridMeter.contains(evse)) {
                total = total.plus(evse.info().phaseRotation().toGrid(evse.snapshot().currents()));
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
