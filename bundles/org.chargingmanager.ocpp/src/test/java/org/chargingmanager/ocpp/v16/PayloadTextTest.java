package org.chargingmanager.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Payloads on their own, as an operator writes them for the HTTP API. */
class PayloadTextTest {

    private static final Ocpp16JsonCodec CENTRAL_SYSTEM = Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM);

    @Test
    void anOperatorRequestIsCheckedLikeAReceivedOne() {
        Request request = CENTRAL_SYSTEM.decodeRequestPayload(Action.REMOTE_START_TRANSACTION,
                "{\"connectorId\": 1, \"idTag\": \"RFID-1\"}");

        assertThat(request).isEqualTo(new RemoteStartTransactionRequest(1, "RFID-1", null));
        assertThat(CENTRAL_SYSTEM.decodeRequestPayload(Action.RESET, "{\"type\":\"hard\"}"))
                .isEqualTo(new ResetRequest(ResetType.HARD));
    }

    @Test
    void aBadPayloadNamesTheProblem() {
        assertThatThrownBy(() -> CENTRAL_SYSTEM.decodeRequestPayload(Action.RESET, "{\"type\":\"Warm\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> CENTRAL_SYSTEM.decodeRequestPayload(Action.REMOTE_START_TRANSACTION, "{}"))
                .hasMessage("idTag: required");
        assertThatThrownBy(() -> CENTRAL_SYSTEM.decodeRequestPayload(Action.RESET, "{\"type\":"))
                .hasMessage("the payload is not valid JSON");
        assertThatThrownBy(() -> CENTRAL_SYSTEM.decodeRequestPayload(Action.RESET, "[1]"))
                .hasMessage("the payload must be a JSON object");
        assertThatThrownBy(() -> CENTRAL_SYSTEM.decodeRequestPayload(Action.RESET, "[".repeat(100_000)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCentralSystemDoesNotSendChargePointActions() {
        assertThatThrownBy(() -> CENTRAL_SYSTEM.decodeRequestPayload(Action.HEARTBEAT, "{}"))
                .hasMessage("Heartbeat is not sent by a central system");
    }

    @Test
    void aConfirmationIsWrittenAsOnTheWire() {
        assertThat(CENTRAL_SYSTEM.encodePayload(new UnlockConnectorConfirmation(UnlockStatus.UNLOCKED)))
                .isEqualTo("{\"status\":\"Unlocked\"}");
    }
}
