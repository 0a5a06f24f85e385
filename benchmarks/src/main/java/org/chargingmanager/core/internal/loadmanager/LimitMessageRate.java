package org.chargingmanager.core.internal.loadmanager;

import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseCapabilities;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.core.internal.variables.LiveValues;
import org.chargingmanager.core.internal.variables.VariableStore;

/**
 * How many limits the load manager sends per charging point and minute, on one scenario, with
 * the limit gate as shipped (0.1 A steps, increases at most every 5 s) and as it was before
 * (every change of a milliamp sent at once). Simulated time: 10 minutes of 1 s cycles take a
 * second or two.
 *
 * <p>Scenario: 40 charging points (20 stations, alternating phase rotation) on a 200 A house
 * connection whose own load steps every 20-60 s (heat pump, cooker) and whose meter and cars are
 * noisy (each car draws 0-400 mA below its limit, some are limited by their on-board charger).
 *
 * <pre>mvn -Pbenchmarks -pl benchmarks compile exec:exec@limit-messages</pre>
 */
public final class LimitMessageRate {

    private static final Instant START = Instant.parse("2026-12-04T12:00:00Z");
    private static final int CONNECTORS = 40;
    private static final int MINUTES = 10;

    public static void main(String[] args) throws Exception {
        System.out.println("scenario: " + CONNECTORS + " connectors, 200 A, " + MINUTES + " min of 1 s cycles");
        report("before (every change, 1 mA, no wait)", run(1, 0));
        report("after (0.1 A steps, increases every 5 s)", run(100, 5));
    }

    private static void report(String name, int[] sent) {
        long total = 0;
        int max = 0;
        for (int count : sent) {
            total += count;
            max = Math.max(max, count);
        }
        System.out.printf(Locale.ROOT, "%-45s %6d limits, %.2f per connector per minute (busiest connector %.2f)%n",
                name, total, total / (double) CONNECTORS / MINUTES, max / (double) MINUTES);
    }

    /** @return limits sent per connector */
    static int[] run(int resolutionMilliamps, int increaseIntervalSeconds) throws Exception {
        MutableClock clock = new MutableClock(START);
        Random random = new Random(42);
        Path directory = Files.createTempDirectory("limit-messages");
        VariableStore variables = new VariableStore(new LiveValues(clock), directory.resolve("variables.txt"));
        LoadManagerConfig config = config(Map.of("houseConnectionCurrentAmps", "200",
                "increaseIntervalSeconds", increaseIntervalSeconds, "minimumPauseSeconds", 60));
        LoadManager manager = new LoadManager(variables, config, clock);
        List<NoisyEvse> evses = new ArrayList<>();
        for (int i = 0; i < CONNECTORS; i++) {
            NoisyEvse evse = new NoisyEvse("cp-" + i, i % 2 == 0 ? PhaseRotation.L1_L2_L3 : PhaseRotation.L2_L3_L1,
                    i % 5 == 0 ? 10_000 : 32_000, resolutionMilliamps, clock, random);
            evses.add(evse);
            manager.addEvse(evse);
        }
        int[] houseLoad = { 20_000 };
        manager.addMeter(new Meter() {
            @Override
            public MeterInfo info() {
                return new MeterInfo("grid", "grid", "simulated", MeterRole.GRID);
            }

            @Override
            public MeterReading reading() {
                int[] phases = { houseLoad[0], houseLoad[0] / 2, houseLoad[0] / 3 };
                for (NoisyEvse evse : evses) {
                    PhaseCurrents grid = evse.info().phaseRotation().toGrid(evse.snapshot().currents());
                    phases[0] += grid.l1Milliamps();
                    phases[1] += grid.l2Milliamps();
                    phases[2] += grid.l3Milliamps();
                }
                PhaseCurrents currents = new PhaseCurrents(phases[0] + random.nextInt(200),
                        phases[1] + random.nextInt(200), phases[2] + random.nextInt(200));
                return new MeterReading(clock.instant(), (currents.l1Milliamps() + currents.l2Milliamps()
                        + currents.l3Milliamps()) * 0.23, null, currents, null, 0, 0);
            }
        });
        long nextStep = 0;
        for (int second = 0; second < MINUTES * 60; second++) {
            if (second >= nextStep) {
                houseLoad[0] = 5_000 + random.nextInt(60_000);
                nextStep = second + 20 + random.nextInt(40);
            }
            evses.forEach(NoisyEvse::follow);
            manager.cycle();
            clock.advance(Duration.ofSeconds(1));
        }
        int[] sent = new int[CONNECTORS];
        for (int i = 0; i < CONNECTORS; i++) {
            sent[i] = evses.get(i).limitsReceived;
        }
        return sent;
    }

    @SuppressWarnings("unchecked")
    private static LoadManagerConfig config(Map<String, Object> values) {
        return (LoadManagerConfig) Proxy.newProxyInstance(LoadManagerConfig.class.getClassLoader(),
                new Class<?>[] { LoadManagerConfig.class }, (proxy, method, arguments) -> values
                        .getOrDefault(method.getName(), method.getDefaultValue()));
    }

    /** A car on a charging point that draws a little less than its limit, never exactly the same. */
    private static final class NoisyEvse implements Evse {
        private final EvseInfo info;
        private final int carMaxMilliamps;
        private final Clock clock;
        private final Random random;
        private volatile ChargingLimit limit = ChargingLimit.NOT_ALLOCATED;
        private volatile int drawnMilliamps;
        int limitsReceived;

        NoisyEvse(String id, PhaseRotation rotation, int carMaxMilliamps, int resolutionMilliamps, Clock clock,
                Random random) {
            this.info = new EvseInfo(id, id, "simulated", id, 1, 3, rotation, 6000, 32_000, DeviceIdentity.UNKNOWN,
                    new EvseCapabilities(false, resolutionMilliamps, false, false, false));
            this.carMaxMilliamps = carMaxMilliamps;
            this.clock = clock;
            this.random = random;
        }

        void follow() {
            int allowed = limit.currentMilliamps() < info.minCurrentMilliamps() ? 0
                    : Math.min(carMaxMilliamps, limit.currentMilliamps());
            drawnMilliamps = allowed == 0 ? 0 : Math.max(0, allowed - random.nextInt(400));
        }

        @Override
        public EvseInfo info() {
            return info;
        }

        @Override
        public EvseSnapshot snapshot() {
            int drawn = drawnMilliamps;
            return new EvseSnapshot(info.id(), clock.instant(), drawn > 0 ? EvseState.CHARGING : EvseState.SUSPENDED_EVSE,
                    drawn > 0 ? 3 : 0, PhaseCurrents.onPhases(drawn > 0 ? 3 : 0, drawn), drawn * 3 * 0.23, 0, null,
                    limit);
        }

        @Override
        public void applyLimit(ChargingLimit newLimit) {
            limit = newLimit;
            limitsReceived++;
        }
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
