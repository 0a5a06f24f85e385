package org.chargingmanager.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.chargingmanager.ocpp.RpcCallException;
import org.chargingmanager.ocpp.RpcError;
import org.junit.jupiter.api.Test;

class Ocpp16SessionTest {

    private static final class StepClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<RpcError> rejected = new CopyOnWriteArrayList<>();
    private final StepClock clock = new StepClock();
    private final Ocpp16Session session = new Ocpp16Session(Ocpp16JsonCodec.forRole(Role.CHARGE_POINT), sent::add,
            request -> request instanceof ResetRequest ? new ResetConfirmation(ResetStatus.ACCEPTED)
                    : RpcError.of("x", org.chargingmanager.ocpp.RpcErrorCode.NOT_SUPPORTED, "no"),
            new Ocpp16Session.Events() {
                @Override
                public void rejected(RpcError reply) {
                    rejected.add(reply);
                }
            }, clock, Duration.ofSeconds(30), 10);

    @Test
    void answersCallsAndRejectsBadFramesWithTheirCallError() {
        session.receive("[2,\"a1\",\"Reset\",{\"type\":\"Soft\"}]");
        session.receive("[2,\"a2\",\"ClearCache\",{}]");
        session.receive("[2,\"a3\",\"Reset\",{\"type\":1}]");
        session.receive("not json");
        session.receive("[2,\"a4\",\"Bogus\",{}]");
        assertThat(sent).containsExactly("[3,\"a1\",{\"status\":\"Accepted\"}]",
                "[4,\"a2\",\"NotSupported\",\"no\",{}]",
                sent.get(2), sent.get(3), sent.get(4));
        assertThat(sent.get(2)).startsWith("[4,\"a3\",\"TypeConstraintViolation\"");
        assertThat(sent.get(3)).startsWith("[4,\"-1\",\"FormationViolation\"");
        assertThat(sent.get(4)).startsWith("[4,\"a4\",\"NotImplemented\"");
        assertThat(rejected).hasSize(3);
    }

    @Test
    void sendsOneCallAtATimeAndCompletesThemInOrder() throws Exception {
        CompletableFuture<Confirmation> first = session.call(new HeartbeatRequest());
        CompletableFuture<Confirmation> second = session.call(new HeartbeatRequest());
        assertThat(sent).hasSize(1);
        String id = idOf(sent.get(0));
        session.receive("[3,\"" + id + "\",{\"currentTime\":\"2026-01-01T00:00:01Z\"}]");
        assertThat(((HeartbeatConfirmation) first.get()).currentTime()).isEqualTo("2026-01-01T00:00:01Z");
        assertThat(sent).hasSize(2);
        session.receive("[4,\"" + idOf(sent.get(1)) + "\",\"GenericError\",\"busy\",{}]");
        assertThat(second).isCompletedExceptionally();
        try {
            second.get();
        } catch (ExecutionException e) {
            assertThat(((RpcCallException) e.getCause()).code()).isEqualTo("GenericError");
        }
    }

    @Test
    void timesOutAndFailsEverythingOnClose() {
        CompletableFuture<Confirmation> first = session.call(new HeartbeatRequest());
        CompletableFuture<Confirmation> second = session.call(new HeartbeatRequest());
        clock.now = clock.now.plusSeconds(29);
        session.expire();
        assertThat(first).isNotDone();
        clock.now = clock.now.plusSeconds(1);
        session.expire();
        assertThat(first).isCompletedExceptionally();
        assertThat(sent).hasSize(2);
        session.receive("[3,\"" + idOf(sent.get(0)) + "\",{\"currentTime\":\"2026-01-01T00:00:01Z\"}]");
        assertThat(second).isNotDone();
        session.close("gone");
        assertThat(second).isCompletedExceptionally();
        assertThat(session.call(new HeartbeatRequest())).isCompletedExceptionally();
    }

    @Test
    void anOversizedFrameIsRejectedWithItsIdWherePossible() {
        session.rejectOversized("[2,\"big-1\",\"DataTransfer\",{\"vendorId\":\"x\",\"data\":\"aaaa", 65536);
        session.rejectOversized("[2,", 65536);
        assertThat(sent.get(0)).startsWith("[4,\"big-1\",\"FormationViolation\"");
        assertThat(sent.get(1)).startsWith("[4,\"-1\",\"FormationViolation\"");
    }

    private static String idOf(String frame) {
        return frame.split("\"")[1];
    }
}
