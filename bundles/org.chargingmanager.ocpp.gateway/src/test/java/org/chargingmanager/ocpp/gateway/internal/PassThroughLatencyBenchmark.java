package org.chargingmanager.ocpp.gateway.internal;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Arrays;

import org.chargingmanager.ocpp.server.internal.EmbeddedCentralSystem;
import org.chargingmanager.testkit.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.Request;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.MeterValuesRequest;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;

/**
 * Latency the pass-through adds (not part of the test command: the name ends in Benchmark): a
 * Java-OCA-OCPP wallbox sends Authorize (answered by the backend) and MeterValues of a transaction
 * (answered once queued on disk), round trip measured at the wallbox, once directly to a
 * Java-OCA-OCPP backend and once through our central system and the gateway to the same backend
 * (all on loopback, one JVM). Run with
 * {@code mvn -pl bundles/org.chargingmanager.ocpp.gateway test -Dtest=PassThroughLatencyBenchmark}
 * ({@code -Dgateway.benchmark.calls=2000}); prints one line per series.
 */
class PassThroughLatencyBenchmark {

    @TempDir
    Path directory;

    @Test
    void roundTrips() throws Exception {
        int calls = Integer.getInteger("gateway.benchmark.calls", 2000);
        int port = OcaBackend.freePort();
        GatewayTestSupport support = new GatewayTestSupport();
        try (OcaBackend backend = new OcaBackend(port, null); // closed at the end
                EmbeddedCentralSystem central = new EmbeddedCentralSystem(directory.resolve("central"), 0)) {
            try (OcaWallbox direct = new OcaWallbox("DIRECT").connect("ws://127.0.0.1:" + port)) {
                series("direct to the backend", direct, calls);
            }
            Gateway gateway = support.gateway(PassThroughWireTest.passThrough("ws://127.0.0.1:" + port, "CB-BENCH",
                    "WB-BENCH"), directory.resolve("gateway"));
            central.uplinks.put("WB-BENCH", gateway.uplink().orElseThrow());
            try (OcaWallbox wallbox = new OcaWallbox("WB-BENCH").connect(central.url() + "ocpp")) {
                wallbox.send(new BootNotificationRequest("B", "M"));
                Await.until("accepted", () -> gateway.status().state() == UpstreamState.ACCEPTED);
                series("through central system and gateway", wallbox, calls);
            } finally {
                gateway.close();
            }
        }
    }

    private static void series(String name, OcaWallbox wallbox, int calls) throws Exception {
        StartTransactionConfirmation started = wallbox.send(new StartTransactionRequest(1, "T", 0,
                ZonedDateTime.now()));
        for (String action : new String[] {"Authorize", "MeterValues"}) {
            long[] micros = new long[calls];
            for (int i = 0; i < calls + 200; i++) { // the first 200 warm up
                Request request;
                if (action.equals("Authorize")) {
                    request = new AuthorizeRequest("TAG-" + (i % 50));
                } else {
                    MeterValuesRequest values = new MeterValuesRequest(1);
                    values.setTransactionId(started.getTransactionId());
                    values.setMeterValue(new MeterValue[] {new MeterValue(ZonedDateTime.now(),
                            new SampledValue[] {new SampledValue(Integer.toString(i))})});
                    request = values;
                }
                long start = System.nanoTime();
                wallbox.send(request);
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
