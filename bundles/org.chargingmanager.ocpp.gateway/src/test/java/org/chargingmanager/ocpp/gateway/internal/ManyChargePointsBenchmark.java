package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.MeterValuesRequest;

/**
 * Benchmark, not part of the test command: N virtual charge points (default 500), each with a charging
 * car and MeterValueSampleInterval=1 s, through gateways in one JVM to one JSONServer on loopback:
 * messages per second at the backend, the latency the gateway adds (sample taken → message at the
 * backend) and the memory per charge point. Run:
 * {@code mvn -pl bundles/org.chargingmanager.ocpp.gateway test -Dtest=ManyChargePointsBenchmark}.
 */
class ManyChargePointsBenchmark {

    private static final int CHARGE_POINTS = Integer.getInteger("gateway.benchmark.chargePoints", 500);
    private static final int SECONDS = Integer.getInteger("gateway.benchmark.seconds", 60);

    @TempDir
    Path directory;

    @Test
    void manyVirtualChargePointsThroughOneGatewayRuntime() throws Exception {
        Map<String, Evse> evses = new ConcurrentHashMap<>();
        List<Gateway> gateways = new ArrayList<>();
        List<Long> latenciesMicros = java.util.Collections.synchronizedList(new ArrayList<>());
        try (OcaBackend backend = new OcaBackend(OcaBackend.freePort(), null)) {
            long heapBefore = usedHeapAfterGc();
            int threadsBefore = Thread.activeCount();
            for (int i = 0; i < CHARGE_POINTS; i++) {
                String id = "sim-" + i;
                FakeEvse evse = FakeEvse.threePhase(id, Clock.systemUTC()).carFollowsLimit(16_000).carConnected(true);
                evse.applyLimit(new ChargingLimit(16_000, LimitReason.HOUSE_LIMIT, ""));
                evses.put(id, evse);
                Path own = directory.resolve(id);
                Files.createDirectories(own);
                Files.writeString(own.resolve("CB-" + i + ".keys"), "MeterValueSampleInterval=1\n");
                gateways.add(new Gateway(GatewayTestSupport.settings("ws://127.0.0.1:" + backend.port, "CB-" + i, "",
                        "TAG" + i, id), own, evses::get, Clock.systemUTC(), 1000));
            }
            Await.until("all booted", Duration.ofMinutes(5),
                    () -> gateways.stream().allMatch(g -> g.status().state() == UpstreamState.ACCEPTED));
            long heapAfter = usedHeapAfterGc();
            int threadsAfter = Thread.activeCount();

            int before = backend.received.size();
            long startNanos = System.nanoTime();
            Instant from = Instant.now();
            Thread.sleep(SECONDS * 1000L);
            int after = backend.received.size();
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            Instant receivedBy = Instant.now();
            for (var request : backend.received.subList(before, after)) {
                if (request instanceof MeterValuesRequest values) {
                    Instant sampled = values.getMeterValue()[0].getTimestamp().toInstant();
                    if (sampled.isAfter(from)) {
                        latenciesMicros.add(Duration.between(sampled, backend.receivedAt(request)).toNanos() / 1000);
                    }
                }
            }
            List<Long> sorted = new ArrayList<>(latenciesMicros);
            sorted.sort(null);
            assertThat(sorted).isNotEmpty();
            System.out.printf("ManyChargePointsBenchmark: %d charge points, %.0f messages/s at the backend over %.0f s, "
                    + "gateway latency p50 %.1f ms p99 %.1f ms max %.1f ms (%d MeterValues), heap %.0f KB and %.1f "
                    + "threads per charge point; queued at the end: %d; %s%n", CHARGE_POINTS, (after - before) / seconds,
                    seconds, sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0,
                    sorted.get(sorted.size() - 1) / 1000.0, sorted.size(),
                    (heapAfter - heapBefore) / 1024.0 / CHARGE_POINTS,
                    (threadsAfter - threadsBefore) / (double) CHARGE_POINTS,
                    gateways.stream().mapToInt(g -> g.status().queuedMessages()).sum(), receivedBy);
        } finally {
            gateways.forEach(Gateway::close);
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
