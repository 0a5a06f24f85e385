package org.chargingmanager.core.internal.solar;

import org.chargingmanager.api.evse.ChargingMode;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;

class SolarSharingPropertiesTest {

    private static final Instant NOW = Instant.parse("2026-06-21T10:00:00Z");

    record Case(List<SolarDemand> demands, Map<String, SolarState> states) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<SolarDemand> demand = Combinators.combine(Arbitraries.of(ChargingMode.PV_ONLY, ChargingMode.MIN_PV),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1000, 10_000), Arbitraries.integers().between(0, 32_000),
                Arbitraries.doubles().between(0, 22_000))
                .as((mode, priority, phases, minimum, maximum, drawn) -> new SolarDemand("x", mode, priority, phases,
                        minimum, maximum, drawn));
        Arbitrary<SolarState> state = Arbitraries.of(SolarState.IDLE, new SolarState(true, null),
                new SolarState(false, NOW.minusSeconds(30)), new SolarState(false, NOW.minusSeconds(90)),
                new SolarState(true, NOW.minusSeconds(30)), new SolarState(true, NOW.minusSeconds(400)));
        return Combinators.combine(demand.list().ofMaxSize(12), state.list().ofSize(12)).as((list, stateList) -> {
            List<SolarDemand> named = new ArrayList<>();
            Map<String, SolarState> states = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                SolarDemand d = list.get(i);
                named.add(new SolarDemand("evse-" + i, d.mode(), d.priority(), d.phases(), d.minMilliamps(),
                        d.maxMilliamps(), d.drawnWatts()));
                states.put("evse-" + i, stateList.get(i));
            }
            return new Case(named, states);
        });
    }

    /**
     * PV only never draws more than the surplus plus the tolerance, except the minimum of a car
     * that is within its stop delay; minimum + PV only its minimum beyond that.
     */
    @Property(tries = 2000)
    void solarModesNeverImportMoreThanTheToleranceOutsideTheStopDelay(@ForAll("cases") Case sample,
            @ForAll @DoubleRange(min = -30_000, max = 30_000) double gridWatts,
            @ForAll @DoubleRange(min = 0, max = 500) double toleranceWatts) {
        SolarSettings settings = new SolarSettings(Duration.ofSeconds(60), Duration.ofSeconds(180), toleranceWatts, 230);
        SolarSharing.Result result = SolarSharing.share(gridWatts, sample.demands(), sample.states(), settings, NOW);
        double drawn = sample.demands().stream().mapToDouble(SolarDemand::drawnWatts).sum();
        double surplus = -gridWatts + drawn + toleranceWatts;
        double allowed = Math.max(0, surplus);
        double used = 0;
        for (SolarDemand demand : sample.demands()) {
            int cap = result.capMilliamps().get(demand.id());
            assertThat(cap).isBetween(0, Math.max(demand.maxMilliamps(), demand.minMilliamps()));
            double watts = cap / 1000.0 * 230 * demand.phases();
            boolean inStopDelay = demand.mode() == ChargingMode.PV_ONLY && result.states().get(demand.id()).charging()
                    && result.states().get(demand.id()).changePendingSince() != null;
            if (demand.mode() == ChargingMode.MIN_PV || inStopDelay) {
                double minimumWatts = demand.minMilliamps() / 1000.0 * 230 * demand.phases();
                allowed += minimumWatts;
            }
            used += watts;
        }
        assertThat(used).isLessThanOrEqualTo(allowed + 1e-6);
    }

    @Property(tries = 1000)
    void aWaitingPvOnlyCarNeverStartsBeforeTheStartDelay(@ForAll("cases") Case sample,
            @ForAll @DoubleRange(min = -30_000, max = 30_000) double gridWatts) {
        SolarSettings settings = new SolarSettings(Duration.ofSeconds(60), Duration.ofSeconds(180), 0, 230);
        SolarSharing.Result result = SolarSharing.share(gridWatts, sample.demands(), sample.states(), settings, NOW);
        for (SolarDemand demand : sample.demands()) {
            SolarState before = sample.states().get(demand.id());
            boolean waitedLongEnough = before.changePendingSince() != null
                    && !before.changePendingSince().isAfter(NOW.minusSeconds(60));
            if (demand.mode() == ChargingMode.PV_ONLY && !before.charging() && !waitedLongEnough) {
                assertThat(result.capMilliamps().get(demand.id())).as(demand.id()).isZero();
            }
        }
    }
}
