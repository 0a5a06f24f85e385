package org.chargingmanager.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.chargingmanager.ocpp.RpcError;
import org.junit.jupiter.api.Test;

/**
 * A session that answers later (a relay waiting for a third party) and passes payloads through as
 * received: the peer's second CALL while one is being answered is refused, in both roles; payloads
 * and answers travel byte for byte.
 */
class Ocpp16SessionRelayTest {

    /** A DataTransfer as a payment terminal might send it: odd spacing, escapes Gson would not write. */
    static final String TERMINAL_PAYLOAD = "{ \"vendorId\" : \"giro-e\",\"messageId\":\"payment\",\"data\":"
            + "\"{\\\"amount\\\":1250,\\\"url\\\":\\\"https:\\/\\/t.example\\/r?a=1&b=\\u00e4\\\"}\" }";

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<RpcError> rejected = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> received = new AtomicReference<>();
    private final CompletableFuture<Object> later = new CompletableFuture<>();

    private Ocpp16Session relay(Role role) {
        return new Ocpp16Session(Ocpp16JsonCodec.forRole(role), sent::add, new Ocpp16Session.Handler() {
            @Override
            public Object handle(Request request) {
                throw new AssertionError("the two-argument method is called");
            }

            @Override
            public Object handle(Request request, String payloadJson) {
                received.set(payloadJson);
                return request instanceof HeartbeatRequest
                        ? new HeartbeatConfirmation(Instant.parse("2026-01-01T00:00:00Z")) : later;
            }
        }, new Ocpp16Session.Events() {
            @Override
            public void rejected(RpcError reply) {
                rejected.add(reply);
            }
        }, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), Duration.ofSeconds(30), 10);
    }

    @Test
    void aCentralSystemRefusesTheChargePointsSecondCallWhileTheFirstIsBeingAnswered() {
        Ocpp16Session session = relay(Role.CENTRAL_SYSTEM);
        session.receive("[2,\"c1\",\"DataTransfer\"," + TERMINAL_PAYLOAD + "]");
        assertThat(received.get()).isEqualTo(TERMINAL_PAYLOAD);
        assertThat(session.answering()).isTrue();
        assertThat(sent).isEmpty();

        session.receive("[2,\"c2\",\"Heartbeat\",{}]");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0)).startsWith("[4,\"c2\",\"GenericError\",\"CALL c1 is still being answered");
        assertThat(rejected).hasSize(1);

        String backendAnswer = "{\"status\":\"Accepted\", \"data\":\"{\\\"receipt\\\":\\\"\\u00e4\\/1\\\"}\"}";
        later.complete(new RawConfirmation(backendAnswer));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isEqualTo("[3,\"c1\"," + backendAnswer + "]");
        assertThat(session.answering()).isFalse();

        session.receive("[2,\"c3\",\"Heartbeat\",{}]");
        assertThat(sent.get(2)).startsWith("[3,\"c3\",{\"currentTime\"");
    }

    @Test
    void aChargePointRefusesTheBackendsSecondCallWhileTheFirstIsBeingAnswered() {
        Ocpp16Session session = relay(Role.CHARGE_POINT);
        session.receive("[2,\"b1\",\"RemoteStartTransaction\",{\"connectorId\":1,\"idTag\":\"T1\"}]");
        session.receive("[2,\"b2\",\"Reset\",{\"type\":\"Soft\"}]");
        assertThat(sent).singleElement().asString().startsWith("[4,\"b2\",\"GenericError\"");
        later.complete(new RemoteStartTransactionConfirmation(RemoteStartStopStatus.ACCEPTED));
        assertThat(sent.get(1)).isEqualTo("[3,\"b1\",{\"status\":\"Accepted\"}]");
    }

    @Test
    void aFailedLaterAnswerIsAnInternalErrorAndFreesTheSession() {
        Ocpp16Session session = relay(Role.CENTRAL_SYSTEM);
        session.receive("[2,\"c1\",\"Authorize\",{\"idTag\":\"T1\"}]");
        later.completeExceptionally(new IllegalStateException("backend gone"));
        assertThat(sent).singleElement().asString().startsWith("[4,\"c1\",\"InternalError\"");
        assertThat(session.answering()).isFalse();
    }

    @Test
    void callRawSendsThePayloadAsItIsAndReturnsTheAnswerAsReceived() throws Exception {
        Ocpp16Session session = relay(Role.CHARGE_POINT);
        CompletableFuture<RawResult> result = session.callRaw(Action.DATA_TRANSFER, TERMINAL_PAYLOAD);
        assertThat(sent).hasSize(1);
        String frame = sent.get(0);
        assertThat(frame).endsWith(",\"DataTransfer\"," + TERMINAL_PAYLOAD + "]");
        String id = frame.substring(4, frame.indexOf('"', 4));
        String answer = "{ \"status\" : \"Accepted\", \"data\" : \"ok\\/\\u00e4\" }";
        session.receive("[3,\"" + id + "\", " + answer + " ]");
        assertThat(result.get().payloadJson()).isEqualTo(answer);
        assertThat(((DataTransferConfirmation) result.get().confirmation()).data()).isEqualTo("ok/\u00e4");

        assertThatThrownBy(() -> session.callRaw(Action.DATA_TRANSFER, "{\"data\":\"no vendor\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session.callRaw(Action.RESET, "{\"type\":\"Soft\"}"))
                .as("a charge point does not send Reset").isInstanceOf(IllegalArgumentException.class);
    }
}
