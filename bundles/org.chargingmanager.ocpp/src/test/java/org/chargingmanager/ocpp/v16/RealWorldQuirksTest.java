package org.chargingmanager.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What real chargers send beyond the letter of the specification, and what we make of it. */
class RealWorldQuirksTest {

    private static final Ocpp16JsonCodec CENTRAL_SYSTEM = Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM);

    private static Request call(String action, String payload) {
        Inbound inbound = CENTRAL_SYSTEM.decode("[2,\"q\",\"" + action + "\"," + payload + "]", PendingActionLookup.none());
        assertThat(inbound).isInstanceOf(Inbound.Call.class);
        return ((Inbound.Call) inbound).request();
    }

    private static MeterValuesRequest meterValues(String sampledValue) {
        return (MeterValuesRequest) call("MeterValues", "{\"connectorId\":1,\"meterValue\":[{\"timestamp\":"
                + "\"2024-05-01T10:15:30Z\",\"sampledValue\":[" + sampledValue + "]}]}");
    }

    @Test
    void sampledValuesSentAsNumbersKeepTheirExactText() {
        MeterValuesRequest request = meterValues("{\"value\":1234.50,\"unit\":\"Wh\"},{\"value\":0.1e3}");

        assertThat(request.meterValue().get(0).sampledValue()).extracting(SampledValue::value)
                .containsExactly("1234.50", "0.1e3");
    }

    @Test
    void signedDataIsKeptCharacterForCharacter() {
        String encoded = Ocpp16JsonCodec.forRole(Role.CHARGE_POINT).encodeCall(new OutgoingCall("s",
                new StopTransactionRequest(null, 25971, Samples.T1, 4711, null, List.of(Samples.SIGNED_METER_VALUE))));

        StopTransactionRequest decoded = (StopTransactionRequest) ((Inbound.Call) CENTRAL_SYSTEM.decode(encoded,
                PendingActionLookup.none())).request();

        assertThat(decoded.transactionData().get(0).sampledValue().get(1).value()).isEqualTo(Samples.OCMF);
        assertThat(encoded).contains("\"SD\\\":\\\"3045022100B6/Ab+cD==0220\\\\u00e4</x>\\\"}")
                .doesNotContain("\\u003c", "\\u003d");
    }

    @Test
    void signedDataWithEscapesAndNonAsciiIsDecodedExactly() {
        MeterValuesRequest request = meterValues("{\"value\":\"OCMF|{\\\"ID\\\":\\\"ä€\\\\/\\u00fc\\\"}|{\\\"SD\\\":\\\"AB==\\\"}\","
                + "\"format\":\"SignedData\"}");

        assertThat(request.meterValue().get(0).sampledValue().get(0).value())
                .isEqualTo("OCMF|{\"ID\":\"ä€\\/ü\"}|{\"SD\":\"AB==\"}");
    }

    @Test
    void connectorZeroIsTheChargePointAsAWhole() {
        StatusNotificationRequest request = (StatusNotificationRequest) call("StatusNotification",
                "{\"connectorId\":0,\"errorCode\":\"NoError\",\"status\":\"Available\"}");

        assertThat(request.connectorId()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"suspendedevse", "SUSPENDEDEVSE", "suspendedEVSE", "SuspendedEVSE"})
    void enumerationValuesAreAcceptedInAnyCase(String status) {
        StatusNotificationRequest request = (StatusNotificationRequest) call("StatusNotification",
                "{\"connectorId\":1,\"errorCode\":\"noerror\",\"status\":\"" + status + "\"}");

        assertThat(request.status()).isEqualTo(ChargePointStatus.SUSPENDED_EVSE);
        assertThat(request.errorCode()).isEqualTo(ChargePointErrorCode.NO_ERROR);
    }

    @Test
    void dottedAndHyphenatedEnumerationsMatchIgnoringCase() {
        MeterValuesRequest request = meterValues("{\"value\":\"230\",\"measurand\":\"voltage\",\"phase\":\"l1-n\","
                + "\"context\":\"sample.periodic\",\"unit\":\"v\"}");

        assertThat(request.meterValue().get(0).sampledValue().get(0)).isEqualTo(new SampledValue("230",
                ReadingContext.SAMPLE_PERIODIC, null, Measurand.VOLTAGE, Phase.L1_N, null, UnitOfMeasure.VOLTS));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T10:15:30Z", "2024-05-01T10:15:30.000Z", "2024-05-01T10:15:30.000000Z",
            "2024-05-01T12:15:30+02:00", "2024-05-01T12:15:30.0+0200", "2024-05-01T12:15:30+02",
            "2024-05-01T05:15:30-05:00", "2024-05-01T10:15:30", "2024-05-01t10:15:30z"})
    void dateTimesWithOrWithoutFractionAndWithAnyOffsetAreAccepted(String timestamp) {
        HeartbeatConfirmation confirmation = (HeartbeatConfirmation) ((Inbound.Result) Ocpp16JsonCodec
                .forRole(Role.CHARGE_POINT)
                .decode("[3,\"h\",{\"currentTime\":\"" + timestamp + "\"}]", id -> Optional.of("Heartbeat")))
                .confirmation();

        assertThat(confirmation.currentTime()).isEqualTo(Instant.parse("2024-05-01T10:15:30Z"));
    }

    @Test
    void dateTimesAreWrittenInUtcWithMilliseconds() {
        String text = CENTRAL_SYSTEM.encodeConfirmation("h",
                new HeartbeatConfirmation(Instant.parse("2024-05-01T10:15:30.123456789Z")));

        assertThat(text).isEqualTo("[3,\"h\",{\"currentTime\":\"2024-05-01T10:15:30.123Z\"}]");
    }

    @Test
    void integersWrittenWithAZeroFractionAreAccepted() {
        StartTransactionRequest request = (StartTransactionRequest) call("StartTransaction",
                "{\"connectorId\":1.0,\"idTag\":\"A\",\"meterStart\":15234.00,\"timestamp\":\"2024-05-01T10:15:30Z\"}");

        assertThat(request.connectorId()).isEqualTo(1);
        assertThat(request.meterStart()).isEqualTo(15234);
    }

    @Test
    void dataTransferDataThatIsNoStringArrivesAsItsJsonText() {
        DataTransferRequest request = (DataTransferRequest) call("DataTransfer",
                "{\"vendorId\":\"com.giro-e\",\"messageId\":\"Receipt\",\"data\":{\"amount\":12.34,\"items\":[1,2]}}");

        assertThat(request.data()).isEqualTo("{\"amount\":12.34,\"items\":[1,2]}");
    }

    @Test
    void unknownFieldsAreIgnored() {
        HeartbeatRequest request = (HeartbeatRequest) call("Heartbeat", "{\"vendorExtension\":{\"uptime\":5}}");

        assertThat(request).isEqualTo(new HeartbeatRequest());
    }

    @Test
    void nullForAnOptionalFieldMeansAbsent() {
        StopTransactionRequest request = (StopTransactionRequest) call("StopTransaction",
                "{\"idTag\":null,\"meterStop\":10,\"timestamp\":\"2024-05-01T10:15:30Z\",\"transactionId\":1,"
                        + "\"reason\":null,\"transactionData\":null}");

        assertThat(request).isEqualTo(new StopTransactionRequest(null, 10, Instant.parse("2024-05-01T10:15:30Z"), 1,
                null, List.of()));
    }

    @Test
    void bothSpellingsOfCelsiusAreKnown() {
        MeterValuesRequest request = meterValues("{\"value\":\"41\",\"measurand\":\"Temperature\",\"unit\":\"Celcius\"},"
                + "{\"value\":\"42\",\"measurand\":\"Temperature\",\"unit\":\"Celsius\"}");

        assertThat(request.meterValue().get(0).sampledValue()).extracting(SampledValue::unit)
                .containsExactly(UnitOfMeasure.CELCIUS, UnitOfMeasure.CELSIUS);
    }
}
