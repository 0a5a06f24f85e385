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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * Wall-clock time of one load-management cycle ({@link LoadManager#cycle()}) over many charging
 * points: 1,000, 15,000 and 30,000 connectors, every third with a car charging, on a house
 * connection that cannot give all of them their maximum. Simulated time advances 1 s per cycle;
 * 20 warm-up cycles, then 30 measured (median and maximum).
 *
 * <pre>mvn -Pbenchmarks -pl benchmarks compile exec:exec@loadmanager-cycle</pre>
 */
public final class LoadManagerCycleTime {

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {1_000, 15_000, 30_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(Locale.ROOT, "load average %s, %d cores%n",
                Files.readString(Path.of("/proc/loadavg")).trim(), Runtime.getRuntime().availableProcessors());
        for (int size : sizes) {
            long[] nanos = run(size, 20, 30);
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%,7d connectors: cycle median %.1f ms, max %.1f ms%n", size,
                    nanos[nanos.length / 2] / 1e6, nanos[nanos.length - 1] / 1e6);
        }
    }

    static long[] run(int connectors, int warmup, int measured) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-06T12:00:00Z"));
        Path directory = Files.createTempDirectory("cycle-time");
        VariableStore variables = new VariableStore(new LiveValues(clock), directory.resolve("variables.txt"));
        // a big site: about a third of the cars can get 16 A
        int houseAmps = Math.max(63, connectors / 3 * 16 / 3);
        LoadManager manager = new LoadManager(variables, config(Map.of("houseConnectionCurrentAmps",
                Integer.toString(houseAmps))), clock);
        List<SimpleEvse> evses = new ArrayList<>();
        for (int i = 0; i < connectors; i++) {
            SimpleEvse evse = new SimpleEvse("ocpp-LOAD" + i + "-1", i % 3 == 0, clock);
            evses.add(evse);
            manager.addEvse(evse);
        }
        manager.addMeter(new Meter() {
            @Override
            public MeterInfo info() {
                return new MeterInfo("grid", "grid", "simulated", MeterRole.GRID);
            }

            @Override
            public MeterReading reading() {
                long sum = 10_000;
                for (SimpleEvse evse : evses) {
                    sum += evse.drawn;
                }
                int each = (int) Math.min(Integer.MAX_VALUE, sum);
                PhaseCurrents currents = new PhaseCurrents(each, each, each);
                return new MeterReading(clock.instant(), each * 3 * 0.23, null, currents, null, 0, 0);
            }
        });
        long[] nanos = new long[measured];
        for (int cycle = 0; cycle < warmup + measured; cycle++) {
            clock.advance(Duration.ofSeconds(1));
            long start = System.nanoTime();
            manager.cycle();
            long took = System.nanoTime() - start;
            if (cycle >= warmup) {
                nanos[cycle - warmup] = took;
            }
            evses.forEach(SimpleEvse::follow);
        }
        return nanos;
    }

    @SuppressWarnings("unchecked")
    private static LoadManagerConfig config(Map<String, Object> values) {
        return (LoadManagerConfig) Proxy.newProxyInstance(LoadManagerConfig.class.getClassLoader(),
                new Class<?>[] {LoadManagerConfig.class}, (proxy, method, arguments) -> values
                        .getOrDefault(method.getName(), method.getDefaultValue()));
    }

    /** A three-phase charging point; with a car, it draws its limit. */
    private static final class SimpleEvse implements Evse {
        private final EvseInfo info;
        private final boolean car;
        private final Clock clock;
        private volatile ChargingLimit limit = ChargingLimit.NOT_ALLOCATED;
        volatile int drawn;

        SimpleEvse(String id, boolean car, Clock clock) {
            this.info = new EvseInfo(id, id, "simulated", id, 1, 3, PhaseRotation.L1_L2_L3, 6000, 32_000,
                    DeviceIdentity.UNKNOWN, new EvseCapabilities(false, 100, true, true, true));
            this.car = car;
            this.clock = clock;
        }

        void follow() {
            drawn = car && limit.currentMilliamps() >= 6000 ? limit.currentMilliamps() : 0;
        }

        @Override
        public EvseInfo info() {
            return info;
        }

        @Override
        public EvseSnapshot snapshot() {
            int now = drawn;
            EvseState state = !car ? EvseState.AVAILABLE : now > 0 ? EvseState.CHARGING : EvseState.SUSPENDED_EVSE;
            return new EvseSnapshot(info.id(), clock.instant(), state, now > 0 ? 3 : 0,
                    PhaseCurrents.onPhases(now > 0 ? 3 : 0, now), now * 3 * 0.23, 0, null, limit);
        }

        @Override
        public void applyLimit(ChargingLimit newLimit) {
            limit = newLimit;
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
