package org.chargingmanager.ocpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PendingCallsTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    private record Call(String messageId, String actionName) implements RpcCall {
    }

    private final PendingCalls<Call> pending = new PendingCalls<>(Duration.ofSeconds(30), 2);
    private final Call reset = new Call("1", "Reset");
    private final Call profile = new Call("2", "SetChargingProfile");
    private final Call trigger = new Call("3", "TriggerMessage");

    @Test
    void onlyOneCallIsOutstandingAtATime() {
        pending.enqueue(reset);
        pending.enqueue(profile);

        assertThat(pending.takeNextToSend(T0)).contains(reset);
        assertThat(pending.takeNextToSend(T0)).isEmpty();
        assertThat(pending.complete("1")).contains(reset);
        assertThat(pending.takeNextToSend(T0.plusSeconds(1))).contains(profile);
    }

    @Test
    void anAnswerWithAnotherIdCompletesNothing() {
        pending.enqueue(reset);
        pending.takeNextToSend(T0);

        assertThat(pending.complete("2")).isEmpty();
        assertThat(pending.outstanding()).contains(reset);
        assertThat(pending.outstandingActionName("1")).contains("Reset");
        assertThat(pending.outstandingActionName("2")).isEmpty();
    }

    @Test
    void theOutstandingCallExpiresAtItsDeadline() {
        pending.enqueue(reset);
        pending.takeNextToSend(T0);

        assertThat(pending.deadline()).contains(T0.plusSeconds(30));
        assertThat(pending.expire(T0.plusSeconds(29))).isEmpty();
        assertThat(pending.expire(T0.plusSeconds(30))).contains(reset);
        assertThat(pending.deadline()).isEmpty();
        assertThat(pending.complete("1")).isEmpty();
    }

    @Test
    void aFullQueueRefusesFurtherCalls() {
        assertThat(pending.enqueue(reset)).isTrue();
        assertThat(pending.enqueue(profile)).isTrue();
        assertThat(pending.enqueue(trigger)).isFalse();

        pending.takeNextToSend(T0);

        assertThat(pending.enqueue(trigger)).isTrue();
        assertThat(pending.queuedCount()).isEqualTo(2);
    }

    @Test
    void aMessageIdIsNotTakenTwice() {
        pending.enqueue(reset);
        pending.takeNextToSend(T0);

        assertThat(pending.enqueue(new Call("1", "Reset"))).isFalse();
    }

    @Test
    void clearingReturnsEveryCallInOrder() {
        pending.enqueue(reset);
        pending.enqueue(profile);
        pending.takeNextToSend(T0);
        pending.enqueue(trigger);

        assertThat(pending.clear()).containsExactly(reset, profile, trigger);
        assertThat(pending.outstanding()).isEmpty();
        assertThat(pending.takeNextToSend(T0)).isEqualTo(Optional.empty());
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> new PendingCalls<Call>(Duration.ZERO, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
