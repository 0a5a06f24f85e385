package org.chargingmanager.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action, both directions: a record encoded by one side decodes to an equal record on the other. */
class RoundTripTest {

    private static final Ocpp16JsonCodec CENTRAL_SYSTEM = Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM);
    private static final Ocpp16JsonCodec CHARGE_POINT = Ocpp16JsonCodec.forRole(Role.CHARGE_POINT);

    @Test
    void samplesCoverEveryAction() {
        assertThat(Samples.requests().keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Action.class));
        assertThat(Samples.confirmations().keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(Action.class));
        assertThat(Action.values()).hasSize(28 + 11);
    }

    static Stream<Arguments> actions() {
        Map<Action, Request> requests = Samples.requests();
        Map<Action, Confirmation> confirmations = Samples.confirmations();
        return Stream.of(Action.values())
                .map(action -> Arguments.of(action, requests.get(action), confirmations.get(action)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void requestAndConfirmationSurviveTheWire(Action action, Request request, Confirmation confirmation) {
        Ocpp16JsonCodec sender = action.isSentBy(Role.CHARGE_POINT) ? CHARGE_POINT : CENTRAL_SYSTEM;
        Ocpp16JsonCodec receiver = sender == CHARGE_POINT ? CENTRAL_SYSTEM : CHARGE_POINT;
        String messageId = "c0ffee-" + action.ordinal();

        String callText = sender.encodeCall(new OutgoingCall(messageId, request));
        assertThat(callText).startsWith("[2,\"" + messageId + "\",\"" + action.wireName() + "\",{");
        assertThat(receiver.decode(callText, PendingActionLookup.none()))
                .isEqualTo(new Inbound.Call(messageId, request));

        String resultText = receiver.encodeConfirmation(messageId, confirmation);
        assertThat(resultText).startsWith("[3,\"" + messageId + "\",{");
        PendingActionLookup outstanding = id -> id.equals(messageId) ? Optional.of(action.wireName()) : Optional.empty();
        assertThat(sender.decode(resultText, outstanding)).isEqualTo(new Inbound.Result(messageId, confirmation));
    }

    @Test
    void dataTransferTravelsBothWays() {
        DataTransferRequest request = new DataTransferRequest("org.chargingmanager", "Ping", "hello");
        String fromCentralSystem = CENTRAL_SYSTEM.encodeCall(new OutgoingCall("1", request));
        String fromChargePoint = CHARGE_POINT.encodeCall(new OutgoingCall("2", request));

        assertThat(CHARGE_POINT.decode(fromCentralSystem, PendingActionLookup.none()))
                .isEqualTo(new Inbound.Call("1", request));
        assertThat(CENTRAL_SYSTEM.decode(fromChargePoint, PendingActionLookup.none()))
                .isEqualTo(new Inbound.Call("2", request));
    }

    @Test
    void writesTheSpecificationsWireFormat() {
        String text = CENTRAL_SYSTEM.encodeConfirmation("19223201", new BootNotificationConfirmation(
                RegistrationStatus.ACCEPTED, Samples.T1, 300));

        assertThat(text).isEqualTo(
                "[3,\"19223201\",{\"status\":\"Accepted\",\"currentTime\":\"2024-05-01T11:45:00.250Z\",\"interval\":300}]");
    }

    @Test
    void leavesOutAbsentOptionalFieldsAndEmptyOptionalLists() {
        String text = CENTRAL_SYSTEM.encodeCall(new OutgoingCall("42", new GetConfigurationRequest(java.util.List.of())));

        assertThat(text).isEqualTo("[2,\"42\",\"GetConfiguration\",{}]");
    }

    @Test
    void writesEnumerationsAsTheirWireStrings() {
        String text = CHARGE_POINT.encodeCall(new OutgoingCall("7", Samples.requests().get(Action.METER_VALUES)));

        assertThat(text).contains("\"measurand\":\"Energy.Active.Import.Register\"", "\"context\":\"Sample.Periodic\"",
                "\"phase\":\"L1-N\"", "\"unit\":\"kW\"", "\"measurand\":\"SoC\"", "\"location\":\"EV\"");
    }

    @Test
    void decodesTheSpecificationsBootNotificationExample() {
        String text = "[2,\"19223201\",\"BootNotification\",{\"chargePointVendor\":\"VendorX\",\"chargePointModel\":\"SingleSocketCharger\"}]";

        assertThat(CENTRAL_SYSTEM.decode(text, PendingActionLookup.none())).isEqualTo(new Inbound.Call("19223201",
                new BootNotificationRequest("VendorX", "SingleSocketCharger", null, null, null, null, null, null, null)));
    }
}
