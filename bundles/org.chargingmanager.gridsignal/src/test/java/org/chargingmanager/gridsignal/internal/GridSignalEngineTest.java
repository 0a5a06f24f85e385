package org.chargingmanager.gridsignal.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.grid.GridSignal;
import org.chargingmanager.api.grid.GridSignalSource;
import org.chargingmanager.api.grid.GridSourceInfo;
import org.chargingmanager.api.grid.GridSourceInfo.FailsafeSettings;
import org.chargingmanager.api.grid.Restriction;
import org.chargingmanager.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine with a real H2 restriction log and a clock the test moves. */
class GridSignalEngineTest {

    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path directory;
    private final MutableClock clock = new MutableClock(T0);
    private final MapVariables variables = new MapVariables();
    private JdbcRestrictionLog log;
    private GridSignalEngine engine;
    private final Source ripple = new Source(new GridSourceInfo("input-ripple", "ripple control", "RIPPLE", "%", 100,
            new FailsafeSettings(Duration.ofSeconds(30), 0, Duration.ofHours(2))));

    /** A source whose signal the test sets. */
    static final class Source implements GridSignalSource {
        private final GridSourceInfo info;
        volatile GridSignal signal = GridSignal.unknown("");

        Source(GridSourceInfo info) {
            this.info = info;
        }

        @Override
        public GridSourceInfo info() {
            return info;
        }

        @Override
        public GridSignal current(Instant now) {
            return signal;
        }
    }

    @BeforeEach
    void start() throws Exception {
        log = new JdbcRestrictionLog(JdbcRestrictionLog.h2Url(directory), "", "");
        engine = new GridSignalEngine(variables, log, clock, "grid.power");
    }

    @AfterEach
    void stop() {
        log.close();
    }

    private void advance(Duration duration, double signalValue, boolean contact, double gridPowerWatts) {
        variables.gridPower = () -> gridPowerWatts;
        clock.advance(duration);
        if (contact) {
            ripple.signal = new GridSignal(clock.instant(), signalValue, "");
        }
        engine.tick();
    }

    @Test
    void theVariableExistsFromTheStartAndFollowsTheSignal() {
        engine.add(ripple);
        assertThat(variables.value("RIPPLE")).as("created unrestricted for the house formula").isEqualTo(100);
        advance(Duration.ofSeconds(1), 30, true, 9000);
        assertThat(variables.value("RIPPLE")).isEqualTo(30);
        advance(Duration.ofSeconds(1), 100, true, 9000);
        assertThat(variables.value("RIPPLE")).isEqualTo(100);
    }

    @Test
    void aSourceOwnsItsVariable() throws Exception {
        engine.add(ripple);
        advance(Duration.ofSeconds(1), 30, true, 9000);
        variables.set("RIPPLE", "100");
        engine.tick();
        assertThat(variables.value("RIPPLE")).isEqualTo(30);
        int writes = variables.writes;
        engine.tick();
        assertThat(variables.writes).as("an unchanged value is not written again").isEqualTo(writes);
    }

    @Test
    void aSilentSourceGetsTheFailsafeWhichHoldsForTheMinimumTimeAndEveryPeriodIsLogged() throws Exception {
        engine.add(ripple);
        advance(Duration.ofSeconds(1), 100, true, 20000);
        advance(Duration.ofSeconds(1), 60, true, 20000);          // T0+2: 60 %
        advance(Duration.ofSeconds(10), 60, true, 12000);         // T0+12, power falls
        advance(Duration.ofSeconds(10), 100, true, 12500);        // T0+22: released
        assertThat(variables.value("RIPPLE")).isEqualTo(100);
        // silent from T0+22: lost after 30 s
        advance(Duration.ofSeconds(30), 100, false, 15000);       // T0+52: not yet
        assertThat(variables.value("RIPPLE")).isEqualTo(100);
        advance(Duration.ofSeconds(1), 100, false, 15000);        // T0+53: failsafe 0 %
        assertThat(variables.value("RIPPLE")).isEqualTo(0);
        assertThat(engine.status().get(0).failsafe()).isTrue();
        advance(Duration.ofMinutes(10), 100, true, 1000);         // back, but the minimum time is not over
        assertThat(variables.value("RIPPLE")).isEqualTo(0);
        advance(Duration.ofMinutes(110).minusSeconds(1), 100, true, 500);
        assertThat(variables.value("RIPPLE")).isEqualTo(0);
        advance(Duration.ofSeconds(1), 100, true, 800);           // 2 h after the start: released
        assertThat(variables.value("RIPPLE")).isEqualTo(100);
        assertThat(engine.status().get(0).failsafe()).isFalse();

        List<Restriction> periods = log.query(T0, T0.plus(Duration.ofDays(1)));
        assertThat(periods).hasSize(2);
        Restriction first = periods.get(0);
        assertThat(first.sourceId()).isEqualTo("input-ripple");
        assertThat(first.start()).isEqualTo(T0.plusSeconds(2));
        assertThat(first.end()).isEqualTo(T0.plusSeconds(22));
        assertThat(first.requestedLimit()).isEqualTo(60);
        assertThat(first.failsafe()).isFalse();
        assertThat(first.minPowerWatts()).isEqualTo(12000);
        assertThat(first.maxPowerWatts()).isEqualTo(20000);
        assertThat(first.avgPowerWatts()).isEqualTo(16000);
        Restriction second = periods.get(1);
        assertThat(second.failsafe()).isTrue();
        assertThat(second.requestedLimit()).isEqualTo(0);
        assertThat(second.start()).isEqualTo(T0.plusSeconds(53));
        assertThat(second.end()).isEqualTo(T0.plusSeconds(53).plus(Duration.ofHours(2)));
        assertThat(second.minPowerWatts()).isEqualTo(500);
        assertThat(second.maxPowerWatts()).isEqualTo(15000);
    }

    @Test
    void aPeriodLeftOpenByACrashEndsAtItsLastUpdate() throws Exception {
        engine.add(ripple);
        advance(Duration.ofSeconds(1), 30, true, 5000);
        advance(GridSignalEngine.STORE_INTERVAL, 30, true, 6000);
        assertThat(log.query(T0, T0.plusSeconds(3600)).get(0).end()).isNull();
        // the process dies here; the next start ends the period where it was last stored
        JdbcRestrictionLog reopened = new JdbcRestrictionLog(JdbcRestrictionLog.h2Url(directory), "", "");
        assertThat(reopened.closeDangling()).isEqualTo(1);
        Restriction period = reopened.query(T0, T0.plusSeconds(3600)).get(0);
        assertThat(period.end()).isEqualTo(T0.plusSeconds(1).plus(GridSignalEngine.STORE_INTERVAL));
        assertThat(period.samples()).isEqualTo(2);
    }

    @Test
    void aSourceThatNeverSaidAnythingGetsItsVariableBackAsBeforeTheFailsafe() throws Exception {
        Source smgw = new Source(new GridSourceInfo("smgw", "SMGW", "AVAIL", "%", 100,
                new FailsafeSettings(Duration.ofSeconds(60), 50, Duration.ofMinutes(10))));
        variables.set("AVAIL", "80");
        engine.add(smgw);
        clock.advance(Duration.ofSeconds(61));
        engine.tick();
        assertThat(variables.value("AVAIL")).isEqualTo(50);
        // a heartbeat without a value: back, but the failsafe holds its minimum time
        smgw.signal = new GridSignal(clock.instant(), Double.NaN, "");
        engine.tick();
        assertThat(variables.value("AVAIL")).isEqualTo(50);
        clock.advance(Duration.ofMinutes(10));
        smgw.signal = new GridSignal(clock.instant(), Double.NaN, "");
        engine.tick();
        assertThat(variables.value("AVAIL")).as("what it was before").isEqualTo(80);
    }

    @Test
    void aLimitThatChangesStartsANewPeriod() throws Exception {
        engine.add(ripple);
        advance(Duration.ofSeconds(1), 60, true, 5000);
        advance(Duration.ofSeconds(1), 30, true, 5000);
        advance(Duration.ofSeconds(1), 100, true, 5000);
        assertThat(log.query(T0, T0.plusSeconds(60))).extracting(Restriction::requestedLimit).containsExactly(60.0, 30.0);
    }
}
