package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** The bounded parts of a connection: outgoing budget, CALL rate, set-up pacing, Heartbeat jitter. */
class BackPressureUnitsTest {

    @Test
    void outgoingBudgetRefusesBeyondItsFramesAndBytesAndRecoversAsFramesAreWritten() {
        OutgoingBudget budget = new OutgoingBudget(3, 1000);
        assertThat(budget.tryAcquire(100)).isTrue();
        assertThat(budget.tryAcquire(100)).isTrue();
        assertThat(budget.tryAcquire(900)).as("over the bytes").isFalse();
        assertThat(budget.tryAcquire(100)).isTrue();
        assertThat(budget.tryAcquire(1)).as("over the frames").isFalse();
        assertThat(budget.frames()).isEqualTo(3);
        assertThat(budget.bytes()).isEqualTo(300);
        budget.release(100);
        assertThat(budget.tryAcquire(100)).isTrue();
    }

    @Test
    void aFrameLargerThanTheByteBudgetGoesWhenNothingElseWaits() {
        OutgoingBudget budget = new OutgoingBudget(3, 1000);
        assertThat(budget.tryAcquire(5000)).isTrue();
        assertThat(budget.tryAcquire(10)).isFalse();
        budget.release(5000);
        assertThat(budget.frames()).isZero();
        assertThat(budget.bytes()).isZero();
    }

    @Test
    void callRateAllowsTheBurstThenTheRateThenDisconnectsAFlood() {
        long second = 1_000_000_000L;
        CallRateLimit limit = new CallRateLimit(10, 20, 5, 0);
        for (int i = 0; i < 20; i++) {
            assertThat(limit.onCall(0)).isEqualTo(CallRateLimit.Verdict.ANSWER);
        }
        assertThat(limit.onCall(0)).isEqualTo(CallRateLimit.Verdict.REFUSE);
        assertThat(limit.refusedSinceCalm()).isEqualTo(1);
        // 0.1 s later one more CALL is allowed (10 per second), but the flood goes on
        assertThat(limit.onCall(second / 10)).isEqualTo(CallRateLimit.Verdict.ANSWER);
        for (int i = 2; i < 5; i++) {
            assertThat(limit.onCall(second / 10)).isEqualTo(CallRateLimit.Verdict.REFUSE);
        }
        assertThat(limit.refusedSinceCalm()).isEqualTo(4);
        assertThat(limit.onCall(second / 10)).isEqualTo(CallRateLimit.Verdict.DISCONNECT);
    }

    @Test
    void aChargePointThatCalmsDownStartsAfresh() {
        long second = 1_000_000_000L;
        CallRateLimit limit = new CallRateLimit(10, 20, 5, 0);
        for (int i = 0; i < 24; i++) {
            limit.onCall(0);
        }
        assertThat(limit.refusedSinceCalm()).isEqualTo(4);
        assertThat(limit.onCall(3 * second)).as("bucket full again after 2 s").isEqualTo(CallRateLimit.Verdict.ANSWER);
        assertThat(limit.refusedSinceCalm()).isZero();
    }

    @Test
    void callRateRefillsUpToTheBurstOnly() {
        long second = 1_000_000_000L;
        CallRateLimit limit = new CallRateLimit(10, 20, 1000, 0);
        int answered = 0;
        for (int i = 0; i < 100; i++) {
            if (limit.onCall(3600 * second) == CallRateLimit.Verdict.ANSWER) {
                answered++;
            }
        }
        assertThat(answered).isEqualTo(20);
    }

    @Test
    void setupPacerRunsAtMostItsMaximumAndStartsTheWaitingInOrder() {
        List<Runnable> executed = new ArrayList<>();
        SetupPacer pacer = new SetupPacer(2, executed::add);
        List<CompletableFuture<Void>> setups = new ArrayList<>();
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int number = i;
            CompletableFuture<Void> setup = new CompletableFuture<>();
            setups.add(setup);
            pacer.submit(() -> {
                started.add(number);
                return setup;
            });
        }
        assertThat(started).containsExactly(0, 1);
        assertThat(pacer.running()).isEqualTo(2);
        assertThat(pacer.waiting()).isEqualTo(3);

        setups.get(1).complete(null);
        assertThat(started).as("the next starts on the executor, not on the completing thread").containsExactly(0, 1);
        executed.remove(0).run();
        assertThat(started).containsExactly(0, 1, 2);
        assertThat(pacer.running()).isEqualTo(2);

        setups.get(0).completeExceptionally(new IllegalStateException("offline"));
        executed.remove(0).run();
        setups.get(2).complete(null);
        executed.remove(0).run();
        assertThat(started).containsExactly(0, 1, 2, 3, 4);
        setups.get(3).complete(null);
        setups.get(4).complete(null);
        assertThat(executed).isEmpty();
        assertThat(pacer.running()).isZero();
        assertThat(pacer.waiting()).isZero();
    }

    @Test
    void duringAReconnectStormFewSetupsRunAndTheRestStartWhenItIsOver() {
        List<Runnable> executed = new ArrayList<>();
        java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();
        SetupPacer pacer = new SetupPacer(SetupPacer.DEFAULT_MAX_RUNNING, executed::add, nanos::get);
        for (int i = 0; i < SetupPacer.STORM_BOOTS_PER_SECOND; i++) {
            nanos.addAndGet(10_000_000L); // 50 boots in half a second
            pacer.bootArrived();
        }
        List<Integer> started = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            int number = i;
            pacer.submit(() -> {
                started.add(number);
                return new CompletableFuture<Void>();
            });
        }
        assertThat(started).as("boots first: only a few set-ups while they stream in")
                .hasSize(SetupPacer.STORM_MAX_RUNNING);
        pacer.resume();
        assertThat(executed).as("still a storm: nothing more starts").isEmpty();

        nanos.addAndGet(2_500_000_000L); // no boot for two seconds and a half
        pacer.resume();
        executed.forEach(Runnable::run);
        assertThat(started).as("the storm is over: up to the normal maximum, in arrival order")
                .hasSize(SetupPacer.DEFAULT_MAX_RUNNING).startsWith(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(pacer.waiting()).isEqualTo(100 - SetupPacer.DEFAULT_MAX_RUNNING);
    }

    @Test
    void heartbeatIntervalsAreSpreadWithinTenPercent() {
        HeartbeatJitter jitter = new HeartbeatJitter(new Random(17));
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            int seconds = jitter.seconds(Duration.ofSeconds(300));
            assertThat(seconds).isBetween(270, 330);
            seen.add(seconds);
        }
        assertThat(seen).as("spread, not one value").hasSizeGreaterThan(30);
        assertThat(jitter.seconds(Duration.ofSeconds(5))).as("short test intervals stay as set").isEqualTo(5);
    }
}
