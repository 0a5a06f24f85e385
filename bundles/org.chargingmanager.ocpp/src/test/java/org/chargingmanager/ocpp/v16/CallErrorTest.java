package org.chargingmanager.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.RpcErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each way a received frame can break the rules gives the CALLERROR the specification names. */
class CallErrorTest {

    private static final Ocpp16JsonCodec CENTRAL_SYSTEM = Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM);

    private static RpcError rejection(String text) {
        Inbound inbound = CENTRAL_SYSTEM.decode(text, PendingActionLookup.none());
        assertThat(inbound).isInstanceOf(Inbound.Rejected.class);
        return ((Inbound.Rejected) inbound).reply();
    }

    private static String bootNotification(String payload) {
        return "[2,\"boot-1\",\"BootNotification\"," + payload + "]";
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "not json", "{}", "\"text\"", "42", "null", "[]", "[\"2\",\"a\",\"Heartbeat\",{}]",
            "[2,'a','Heartbeat',{}]", "[2,\"a\",\"Heartbeat\",{}] trailing", "[2,\"a\",\"Heartbeat\",{}",
            "[2,a,Heartbeat,{}]", "[2,17,\"Heartbeat\",{}]", "[2,\"\",\"Heartbeat\",{}]",
            "[2,\"0123456789012345678901234567890123456\",\"Heartbeat\",{}]"})
    void framesThatAreNoValidFrameAreFormationViolationsWithUnknownId(String text) {
        RpcError reply = rejection(text);

        assertThat(reply.code()).isEqualTo(RpcErrorCode.FORMATION_VIOLATION);
        assertThat(reply.messageId()).isEqualTo(RpcError.UNKNOWN_MESSAGE_ID);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[2,\"m1\",17,{}]                      | the action is not a string",
            "[2,\"m1\",\"Heartbeat\",[]]           | the payload is not a JSON object",
            "[2,\"m1\",\"Heartbeat\",null]         | the payload is not a JSON object",
            "[2,\"m1\",\"Heartbeat\",\"{}\"]       | the payload is not a JSON object",
            "[2,\"m1\",\"Heartbeat\",{},{}]        | CALL with 5 elements instead of 4"})
    void badCallEnvelopesAreFormationViolationsWithTheirId(String text, String description) {
        RpcError reply = rejection(text);

        assertThat(reply).isEqualTo(RpcError.of("m1", RpcErrorCode.FORMATION_VIOLATION, description));
    }

    @Test
    void anIncompleteCallIsAProtocolError() {
        assertThat(rejection("[2,\"m2\",\"Heartbeat\"]"))
                .isEqualTo(RpcError.of("m2", RpcErrorCode.PROTOCOL_ERROR, "incomplete CALL: 3 elements instead of 4"));
    }

    @Test
    void anUnknownMessageTypeIdIsAProtocolError() {
        assertThat(rejection("[5,\"m3\",\"Heartbeat\",{}]"))
                .isEqualTo(RpcError.of("m3", RpcErrorCode.PROTOCOL_ERROR, "unknown message type id \"5\""));
    }

    @Test
    void anUnknownActionIsNotImplemented() {
        assertThat(rejection("[2,\"m4\",\"SetVariables\",{}]"))
                .isEqualTo(RpcError.of("m4", RpcErrorCode.NOT_IMPLEMENTED, "unknown action \"SetVariables\""));
    }

    @Test
    void actionNamesAreCaseSensitive() {
        assertThat(rejection("[2,\"m4\",\"heartbeat\",{}]").code()).isEqualTo(RpcErrorCode.NOT_IMPLEMENTED);
    }

    @Test
    void anActionFromTheWrongSideIsNotSupported() {
        assertThat(rejection("[2,\"m5\",\"Reset\",{\"type\":\"Hard\"}]"))
                .isEqualTo(RpcError.of("m5", RpcErrorCode.NOT_SUPPORTED, "Reset is not sent by a charge point"));
        assertThat(Ocpp16JsonCodec.forRole(Role.CHARGE_POINT).decode("[2,\"m6\",\"Heartbeat\",{}]",
                PendingActionLookup.none()))
                .isEqualTo(new Inbound.Rejected(RpcError.of("m6", RpcErrorCode.NOT_SUPPORTED,
                        "Heartbeat is not sent by a central system")));
    }

    @Test
    void aTooLongStringIsAPropertyConstraintViolationNamingTheField() {
        RpcError reply = rejection(bootNotification(
                "{\"chargePointVendor\":\"ABCDEFGHIJKLMNOPQRSTU\",\"chargePointModel\":\"M\"}"));

        assertThat(reply).isEqualTo(RpcError.of("boot-1", RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                "chargePointVendor: longer than 20 characters"));
    }

    @Test
    void stringLengthsCountCharactersNotBytes() {
        Inbound inbound = CENTRAL_SYSTEM.decode(bootNotification(
                "{\"chargePointVendor\":\"ÄÖÜäöüßÄÖÜäöüßÄÖÜäö\",\"chargePointModel\":\"\uD83D\uDD0C\"}"),
                PendingActionLookup.none());

        assertThat(inbound).isInstanceOf(Inbound.Call.class);
    }

    @Test
    void aMissingRequiredFieldIsAnOccurenceConstraintViolation() {
        assertThat(rejection(bootNotification("{\"chargePointVendor\":\"KEBA\"}")))
                .isEqualTo(RpcError.of("boot-1", RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "chargePointModel: required"));
        assertThat(rejection(bootNotification("{\"chargePointVendor\":\"KEBA\",\"chargePointModel\":null}")).code())
                .isEqualTo(RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION);
    }

    @Test
    void anEmptyListWhereOneElementIsRequiredIsAnOccurenceConstraintViolation() {
        assertThat(rejection("[2,\"mv\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[]}]"))
                .isEqualTo(RpcError.of("mv", RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
                        "meterValue: fewer than 1 element"));
        assertThat(rejection("[2,\"mv\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":"
                + "[{\"timestamp\":\"2024-05-01T10:15:30Z\",\"sampledValue\":[]}]}]").description())
                .isEqualTo("meterValue[0].sampledValue: fewer than 1 element");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"connectorId\":\"1\",\"errorCode\":\"NoError\",\"status\":\"Available\"} | connectorId: expected an integer, got the string \"1\"",
            "{\"connectorId\":1.5,\"errorCode\":\"NoError\",\"status\":\"Available\"}   | connectorId: expected an integer, got \"1.5\"",
            "{\"connectorId\":3000000000,\"errorCode\":\"NoError\",\"status\":\"Available\"} | connectorId: not a 32-bit integer: \"3000000000\"",
            "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Parked\"}        | status: unknown value \"Parked\"",
            "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":7}                 | status: expected a string, got the number \"7\"",
            "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\",\"timestamp\":\"yesterday\"} | timestamp: not a date-time: \"yesterday\"",
            "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\",\"timestamp\":\"2024-02-30T10:00:00Z\"} | timestamp: not a date-time: \"2024-02-30T10:00:00Z\"",
            "{\"connectorId\":1,\"errorCode\":[\"NoError\"],\"status\":\"Available\"}  | errorCode: expected a string, got an array",
            "{\"connectorId\":true,\"errorCode\":\"NoError\",\"status\":\"Available\"}  | connectorId: expected an integer, got a boolean"})
    void aFieldOfTheWrongTypeIsATypeConstraintViolation(String payload, String description) {
        assertThat(rejection("[2,\"sn\",\"StatusNotification\"," + payload + "]"))
                .isEqualTo(RpcError.of("sn", RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, description));
    }

    @Test
    void anUnknownValueDeepInsideNamesTheWholePath() {
        String text = "[2,\"mv\",\"MeterValues\",{\"connectorId\":1,\"meterValue\":[{\"timestamp\":\"2024-05-01T10:15:30Z\","
                + "\"sampledValue\":[{\"value\":\"1\"},{\"value\":\"2\",\"measurand\":\"Power.Apparent\"}]}]}]";

        assertThat(rejection(text)).isEqualTo(RpcError.of("mv", RpcErrorCode.TYPE_CONSTRAINT_VIOLATION,
                "meterValue[0].sampledValue[1].measurand: unknown value \"Power.Apparent\""));
    }

    @Test
    void aNegativeConnectorIdIsAPropertyConstraintViolation() {
        assertThat(rejection("[2,\"sn\",\"StatusNotification\",{\"connectorId\":-1,\"errorCode\":\"NoError\",\"status\":\"Available\"}]"))
                .isEqualTo(RpcError.of("sn", RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "connectorId: less than 0: -1"));
    }

    @Test
    void aTransactionOnConnectorZeroIsAPropertyConstraintViolation() {
        assertThat(rejection("[2,\"st\",\"StartTransaction\",{\"connectorId\":0,\"idTag\":\"A\",\"meterStart\":0,"
                + "\"timestamp\":\"2024-05-01T10:15:30Z\"}]").description())
                .isEqualTo("connectorId: less than 1: 0");
    }

    @Test
    void aNegativeMeterReadingIsAPropertyConstraintViolation() {
        assertThat(rejection("[2,\"st\",\"StopTransaction\",{\"meterStop\":-5,\"timestamp\":\"2024-05-01T10:15:30Z\","
                + "\"transactionId\":1}]")).isEqualTo(RpcError.of("st", RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                        "meterStop: less than 0: -5"));
    }

    @Test
    void aLimitWithTwoDecimalsAndTooManyPhasesArePropertyConstraintViolations() {
        Ocpp16JsonCodec chargePoint = Ocpp16JsonCodec.forRole(Role.CHARGE_POINT);
        String profile = "{\"chargingProfileId\":1,\"stackLevel\":0,\"chargingProfilePurpose\":\"TxDefaultProfile\","
                + "\"chargingProfileKind\":\"Absolute\",\"chargingSchedule\":{\"chargingRateUnit\":\"A\","
                + "\"chargingSchedulePeriod\":[{\"startPeriod\":0,\"limit\":%s,\"numberPhases\":%d}]}}";

        Inbound twoDecimals = chargePoint.decode("[2,\"sp\",\"SetChargingProfile\",{\"connectorId\":1,\"csChargingProfiles\":"
                + String.format(profile, "6.25", 3) + "}]", PendingActionLookup.none());
        Inbound fourPhases = chargePoint.decode("[2,\"sp\",\"SetChargingProfile\",{\"connectorId\":1,\"csChargingProfiles\":"
                + String.format(profile, "6.20", 4) + "}]", PendingActionLookup.none());

        assertThat(twoDecimals).isEqualTo(new Inbound.Rejected(RpcError.of("sp", RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                "csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].limit: more than 1 decimal places: \"6.25\"")));
        assertThat(fourPhases).isEqualTo(new Inbound.Rejected(RpcError.of("sp", RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                "csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0].numberPhases: greater than 3: 4")));
    }

    @Test
    void aLocationThatIsNoUriIsAPropertyConstraintViolation() {
        Inbound inbound = Ocpp16JsonCodec.forRole(Role.CHARGE_POINT).decode(
                "[2,\"uf\",\"UpdateFirmware\",{\"location\":\"firmware.bin\",\"retrieveDate\":\"2024-05-01T10:15:30Z\"}]",
                PendingActionLookup.none());

        assertThat(inbound).isEqualTo(new Inbound.Rejected(RpcError.of("uf", RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                "location: not an absolute URI: \"firmware.bin\"")));
    }

    @Test
    void theFirstViolationInFieldOrderIsReported() {
        assertThat(rejection(bootNotification("{\"chargePointVendor\":17}")).description())
                .isEqualTo("chargePointVendor: expected a string, got the number \"17\"");
    }

    @Test
    void hugeReceivedValuesAreQuotedShortly() {
        String longStatus = "X".repeat(100_000);
        RpcError reply = rejection("[2,\"sn\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\""
                + longStatus + "\"}]");

        assertThat(reply.description()).hasSizeLessThan(100).startsWith("status: unknown value \"XXXX");
    }

    @Test
    void aCallResultForNoOutstandingCallIsUnexpected() {
        assertThat(CENTRAL_SYSTEM.decode("[3,\"late\",{\"status\":\"Accepted\"}]", PendingActionLookup.none()))
                .isEqualTo(new Inbound.UnexpectedResponse("late"));
        assertThat(CENTRAL_SYSTEM.decode("[4,\"late\",\"GenericError\",\"\",{}]", PendingActionLookup.none()))
                .isEqualTo(new Inbound.UnexpectedResponse("late"));
    }

    @Test
    void anInvalidCallResultFailsTheOutstandingCallWithoutAnAnswer() {
        PendingActionLookup reset = id -> id.equals("r1") ? Optional.of("Reset") : Optional.empty();

        assertThat(CENTRAL_SYSTEM.decode("[3,\"r1\",{\"status\":\"Maybe\"}]", reset))
                .isEqualTo(new Inbound.InvalidResponse("r1", RpcError.of("r1", RpcErrorCode.TYPE_CONSTRAINT_VIOLATION,
                        "Reset confirmation: status: unknown value \"Maybe\"")));
        assertThat(CENTRAL_SYSTEM.decode("[3,\"r1\",{}]", reset)).isInstanceOf(Inbound.InvalidResponse.class);
        assertThat(CENTRAL_SYSTEM.decode("[3,\"r1\",[]]", reset)).isInstanceOf(Inbound.InvalidResponse.class);
        assertThat(CENTRAL_SYSTEM.decode("[3,\"r1\"]", reset)).isInstanceOf(Inbound.InvalidResponse.class);
    }

    @Test
    void aReceivedCallErrorIsPassedOnWithItsDetails() {
        PendingActionLookup reset = id -> id.equals("r1") ? Optional.of("Reset") : Optional.empty();

        assertThat(CENTRAL_SYSTEM.decode("[4,\"r1\",\"NotSupported\",\"no soft reset\",{\"reason\":\"busy\"}]", reset))
                .isEqualTo(new Inbound.ErrorReceived(new RpcError("r1", RpcErrorCode.NOT_SUPPORTED, "no soft reset",
                        "{\"reason\":\"busy\"}")));
    }

    @Test
    void receivedCallErrorsAreReadLeniently() {
        PendingActionLookup reset = id -> Optional.of("Reset");

        assertThat(CENTRAL_SYSTEM.decode("[4,\"r1\",\"OccurrenceConstraintViolation\",\"missing\"]", reset))
                .isEqualTo(new Inbound.ErrorReceived(RpcError.of("r1", RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "missing")));
        assertThat(CENTRAL_SYSTEM.decode("[4,\"r1\",\"TotallyBroken\",\"?\",[]]", reset))
                .isEqualTo(new Inbound.ErrorReceived(RpcError.of("r1", RpcErrorCode.GENERIC_ERROR, "?")));
    }

    @Test
    void errorsAreWrittenInTheSpecificationsFormat() {
        assertThat(CENTRAL_SYSTEM.encodeError(RpcError.of("boot-1", RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
                "chargePointModel: required")))
                .isEqualTo("[4,\"boot-1\",\"OccurenceConstraintViolation\",\"chargePointModel: required\",{}]");
        assertThat(CENTRAL_SYSTEM.encodeError(new RpcError("x", RpcErrorCode.GENERIC_ERROR, "d", "not json")))
                .isEqualTo("[4,\"x\",\"GenericError\",\"d\",{}]");
    }
}
