package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.ocpp.v16.Location;
import org.chargingmanager.ocpp.v16.Measurand;
import org.chargingmanager.ocpp.v16.MeterValue;
import org.chargingmanager.ocpp.v16.MeterValuesRequest;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.chargingmanager.ocpp.v16.Phase;
import org.chargingmanager.ocpp.v16.ReadingContext;
import org.chargingmanager.ocpp.v16.Reason;
import org.chargingmanager.ocpp.v16.Role;
import org.chargingmanager.ocpp.v16.SampledValue;
import org.chargingmanager.ocpp.v16.StartTransactionRequest;
import org.chargingmanager.ocpp.v16.StopTransactionRequest;
import org.chargingmanager.ocpp.v16.UnitOfMeasure;
import org.chargingmanager.ocpp.v16.ValueFormat;
import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not part of the test command (the name ends in Benchmark): how long the gateway needs
 * to queue 10,000 transaction messages (each forced to disk) and to deliver them to JSONServer once it
 * is reachable. Run: {@code mvn -pl bundles/org.chargingmanager.ocpp.gateway test -Dtest=QueueDrainBenchmark}.
 */
class QueueDrainBenchmark {

    private static final int MESSAGES = Integer.getInteger("gateway.benchmark.messages", 10_000);

    @TempDir
    Path directory;

    @Test
    void drainsAQueueOfTenThousandMessages() throws Exception {
        Ocpp16JsonCodec codec = Ocpp16JsonCodec.forRole(Role.CHARGE_POINT);
        Instant t0 = Instant.parse("2026-12-01T10:00:00Z");
        long writeStart = System.nanoTime();
        try (TransactionJournal journal = TransactionJournal.open(directory.resolve("CB-DRAIN.queue"), MESSAGES + 10,
                "CB-DRAIN")) {
            long tx = journal.startTransaction(1, "TAG", 0, t0,
                    local -> codec.encodePayload(new StartTransactionRequest(1, "TAG", 0, null, t0)));
            for (int i = 1; i <= MESSAGES - 2; i++) {
                Instant at = t0.plusSeconds(i);
                journal.addMeterValues(tx, 1, codec.encodePayload(new MeterValuesRequest(1, 0,
                        List.of(sample(at, i)))), at);
            }
            Instant end = t0.plusSeconds(MESSAGES);
            journal.stopTransaction(tx, 1, codec.encodePayload(new StopTransactionRequest("TAG", MESSAGES * 3, end, 0,
                    Reason.EV_DISCONNECTED, List.of())), end);
            assertThat(journal.size()).isEqualTo(MESSAGES);
        }
        double writeSeconds = (System.nanoTime() - writeStart) / 1e9;

        GatewayTestSupport support = new GatewayTestSupport();
        support.evses.put("sim-1", FakeEvse.threePhase("sim-1", support.clock).carConnected(false));
        try (OcaBackend backend = new OcaBackend(OcaBackend.freePort(), null)) {
            long drainStart = System.nanoTime();
            Gateway gateway = new Gateway(GatewayTestSupport.settings("ws://127.0.0.1:" + backend.port, "CB-DRAIN", "",
                    "", "sim-1"), directory, support.evses::get, support.clock, 20);
            try {
                Await.until("drained", Duration.ofMinutes(20), () -> gateway.status().queuedMessages() == 0);
                double drainSeconds = (System.nanoTime() - drainStart) / 1e9;
                long delivered = backend.received.stream().filter(r -> !(r instanceof eu.chargetime.ocpp.model.core
                        .StatusNotificationRequest) && !(r instanceof eu.chargetime.ocpp.model.core
                                .BootNotificationRequest)).count();
                assertThat(delivered).isEqualTo(MESSAGES);
                System.out.printf("QueueDrainBenchmark: %d messages queued in %.1f s (%.0f/s, each forced to disk), "
                        + "delivered in %.1f s (%.0f messages/s)%n", MESSAGES, writeSeconds, MESSAGES / writeSeconds,
                        drainSeconds, MESSAGES / drainSeconds);
            } finally {
                gateway.close();
            }
        }
    }

    private static MeterValue sample(Instant at, int i) {
        List<SampledValue> values = new ArrayList<>();
        values.add(new SampledValue(Integer.toString(i * 3), ReadingContext.SAMPLE_PERIODIC, ValueFormat.RAW,
                Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, Location.OUTLET, UnitOfMeasure.WATT_HOURS));
        values.add(new SampledValue("11040", ReadingContext.SAMPLE_PERIODIC, ValueFormat.RAW,
                Measurand.POWER_ACTIVE_IMPORT, null, Location.OUTLET, UnitOfMeasure.WATTS));
        for (Phase phase : List.of(Phase.L1, Phase.L2, Phase.L3)) {
            values.add(new SampledValue("16", ReadingContext.SAMPLE_PERIODIC, ValueFormat.RAW,
                    Measurand.CURRENT_IMPORT, phase, Location.OUTLET, UnitOfMeasure.AMPERES));
        }
        return new MeterValue(at, values);
    }
}
