package org.chargingmanager.benchmarks.ocpp;

import java.util.concurrent.TimeUnit;

import org.chargingmanager.ocpp.v16.Inbound;
import org.chargingmanager.ocpp.v16.MeterValuesConfirmation;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.chargingmanager.ocpp.v16.OutgoingCall;
import org.chargingmanager.ocpp.v16.PendingActionLookup;
import org.chargingmanager.ocpp.v16.Role;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Throughput of the OCPP codec on the message a central system receives most: a MeterValues
 * CALL of a three-phase charger (energy, power, current and voltage per phase, SoC; 1 KiB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MeterValuesCodecBenchmark {

    static final String METER_VALUES_CALL = "[2,\"7f3c9a2e-5b1d-4c8e-9f0a-1b2c3d4e5f60\",\"MeterValues\","
            + "{\"connectorId\":1,\"transactionId\":4711,\"meterValue\":[{\"timestamp\":\"2024-05-01T10:15:30.000Z\","
            + "\"sampledValue\":["
            + "{\"value\":\"15234.5\",\"context\":\"Sample.Periodic\",\"format\":\"Raw\","
            + "\"measurand\":\"Energy.Active.Import.Register\",\"location\":\"Outlet\",\"unit\":\"Wh\"},"
            + "{\"value\":\"11.04\",\"context\":\"Sample.Periodic\",\"measurand\":\"Power.Active.Import\",\"unit\":\"kW\"},"
            + "{\"value\":\"16.1\",\"context\":\"Sample.Periodic\",\"measurand\":\"Current.Import\",\"phase\":\"L1\",\"unit\":\"A\"},"
            + "{\"value\":\"15.9\",\"context\":\"Sample.Periodic\",\"measurand\":\"Current.Import\",\"phase\":\"L2\",\"unit\":\"A\"},"
            + "{\"value\":\"16.0\",\"context\":\"Sample.Periodic\",\"measurand\":\"Current.Import\",\"phase\":\"L3\",\"unit\":\"A\"},"
            + "{\"value\":\"231.2\",\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\",\"phase\":\"L1-N\",\"unit\":\"V\"},"
            + "{\"value\":\"229.8\",\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\",\"phase\":\"L2-N\",\"unit\":\"V\"},"
            + "{\"value\":\"230.4\",\"context\":\"Sample.Periodic\",\"measurand\":\"Voltage\",\"phase\":\"L3-N\",\"unit\":\"V\"},"
            + "{\"value\":\"64\",\"context\":\"Sample.Periodic\",\"measurand\":\"SoC\",\"location\":\"EV\",\"unit\":\"Percent\"}"
            + "]}]}]";

    private final Ocpp16JsonCodec centralSystem = Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM);
    private final Ocpp16JsonCodec chargePoint = Ocpp16JsonCodec.forRole(Role.CHARGE_POINT);

    /** Decode and validate the CALL, then encode (and validate) it again, as the OCPP gateway forwards it. */
    @Benchmark
    public String decodeValidateEncode() {
        Inbound.Call call = (Inbound.Call) centralSystem.decode(METER_VALUES_CALL, PendingActionLookup.none());
        return chargePoint.encodeCall(new OutgoingCall(call.messageId(), call.request()));
    }

    /** Decode and validate the CALL, then encode the empty confirmation, as the OCPP server answers it. */
    @Benchmark
    public String decodeValidateAnswer() {
        Inbound.Call call = (Inbound.Call) centralSystem.decode(METER_VALUES_CALL, PendingActionLookup.none());
        return centralSystem.encodeConfirmation(call.messageId(), new MeterValuesConfirmation());
    }
}
