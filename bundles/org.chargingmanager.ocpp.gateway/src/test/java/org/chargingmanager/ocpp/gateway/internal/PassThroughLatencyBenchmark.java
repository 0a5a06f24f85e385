package org.chargingmanager.ocpp.gateway.internal;

import java.nio.file.Path;
import java.util.Arrays;

import org.chargingmanager.ocpp.server.internal.EmbeddedCentralSystem;
import org.chargingmanager.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Latency the pass-through adds (not part of the test command: the name ends in Benchmark): a raw
 * wallbox sends Authorize and MeterValues of a transaction, round trip measured at the wallbox,
 * once directly to a raw backend and once through our central system and the gateway to the same
 * backend (all on loopback, one JVM). Run with
 * {@code mvn -pl bundles/org.chargingmanager.ocpp.gateway test -Dtest=PassThroughLatencyBenchmark}
 * ({@code -Dgateway.benchmark.calls=2000}); prints one line per series.
 */
class PassThroughLatencyBenchmark {

    @TempDir
    Path directory;

    @Test
    void roundTrips() throws Exception {
        int calls = Integer.getInteger("gateway.benchmark.calls", 2000);
        RawBackend backend = new RawBackend(OcaBackend.freePort());
        backend.answers.put("Authorize", "{\"idTagInfo\":{\"status\":\"Accepted\"}}");
        backend.answers.put("StartTransaction", "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":7}");
        backend.start();
        GatewayTestSupport support = new GatewayTestSupport();
        try (EmbeddedCentralSystem central = new EmbeddedCentralSystem(directory.resolve("central"), 0)) {
            RawWallbox direct = new RawWallbox("ws://127.0.0.1:" + backend.getPort() + "/DIRECT");
            direct.connectBlocking();
            series("direct to the backend", direct, calls, false);
            direct.closeBlocking();

            Gateway gateway = support.gateway(PassThroughWireTest.passThrough("ws://127.0.0.1:" + backend.getPort(),
                    "CB-BENCH", "WB-BENCH"), directory.resolve("gateway"));
            central.uplinks.put("WB-BENCH", gateway.uplink().orElseThrow());
            RawWallbox wallbox = new RawWallbox(central.url() + "WB-BENCH");
            wallbox.connectBlocking();
            wallbox.call("boot", "BootNotification", "{\"chargePointVendor\":\"B\",\"chargePointModel\":\"M\"}");
            Await.until("accepted", () -> gateway.status().state() == UpstreamState.ACCEPTED);
            series("through central system and gateway", wallbox, calls, true);
            wallbox.closeBlocking();
            gateway.close();
        } finally {
            backend.stop(1000);
        }
    }

    private static void series(String name, RawWallbox wallbox, int calls, boolean transaction) throws Exception {
        wallbox.call("s", "StartTransaction",
                "{\"connectorId\":1,\"idTag\":\"T\",\"meterStart\":0,\"timestamp\":\"2026-12-01T10:00:00Z\"}");
        for (String action : new String[] {"Authorize", "MeterValues"}) {
            long[] micros = new long[calls];
            for (int i = 0; i < calls + 200; i++) { // the first 200 warm up
                String payload = action.equals("Authorize") ? "{\"idTag\":\"TAG-" + (i % 50) + "\"}"
                        : "{\"connectorId\":1,\"transactionId\":7,\"meterValue\":[{\"timestamp\":\"2026-12-01T10:00:00Z\","
                                + "\"sampledValue\":[{\"value\":\"" + i + "\"}]}]}";
                long start = System.nanoTime();
                wallbox.call(action.charAt(0) + "-" + i, action, payload);
                if (i >= 200) {
                    micros[i - 200] = (System.nanoTime() - start) / 1000;
                }
            }
            Arrays.sort(micros);
            System.out.printf("PassThroughLatencyBenchmark: %s %s, %d calls: p50 %d us, p99 %d us, max %d us%n", name,
                    action, calls, micros[calls / 2], micros[calls * 99 / 100], micros[calls - 1]);
        }
    }
}
