package org.chargingmanager.ocpp.gateway.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.chargingmanager.ocpp.v16.RawConfirmation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The answers a passed-through wallbox waits for: each is given once, by the backend's answer or,
 * when the backend is away, slow ({@link #ANSWER_WAIT}) or the connection drops, by what the
 * offline rules say. Answers that wait for a queued message's delivery are found by the journal's
 * sequence number. Runs on the gateway's thread.
 */
final class WallboxAnswers {

    private static final Logger LOG = LoggerFactory.getLogger(WallboxAnswers.class);

    /** How long the wallbox waits for the backend's answer before the offline rules answer it. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);

    /** An answer the wallbox waits for, with what the offline rules would say instead. */
    static final class Waiting {
        final CompletableFuture<RawConfirmation> answer;
        final Instant deadline;
        final Supplier<RawConfirmation> offline;
        final String what;

        Waiting(CompletableFuture<RawConfirmation> answer, Instant deadline, Supplier<RawConfirmation> offline,
                String what) {
            this.answer = answer;
            this.deadline = deadline;
            this.offline = offline;
            this.what = what;
        }
    }

    private final String name;
    private final Clock clock;
    private final List<Waiting> waiting = new ArrayList<>();
    private final Map<Long, Waiting> waitingForDelivery = new HashMap<>();

    WallboxAnswers(String name, Clock clock) {
        this.name = name;
        this.clock = clock;
    }

    /** A wait that ends at the latest {@link #ANSWER_WAIT} from now, not yet registered. */
    Waiting newWait(CompletableFuture<RawConfirmation> answer, Supplier<RawConfirmation> offline, String what) {
        return new Waiting(answer, clock.instant().plus(ANSWER_WAIT), offline, what);
    }

    /** A wait that the offline rules answer at once (the backend is away). */
    void answerOffline(CompletableFuture<RawConfirmation> answer, Supplier<RawConfirmation> offline, String what) {
        complete(new Waiting(answer, clock.instant(), offline, what), null);
    }

    /** Registers a new wait for the backend's answer to a CALL sent now. */
    Waiting await(CompletableFuture<RawConfirmation> answer, Supplier<RawConfirmation> offline, String what) {
        Waiting wait = newWait(answer, offline, what);
        waiting.add(wait);
        return wait;
    }

    /** Registers a wait for the delivery of the queued message {@code seq}. */
    void awaitDelivery(long seq, Waiting wait) {
        waitingForDelivery.put(seq, wait);
        waiting.add(wait);
    }

    /** The wait for the delivery of {@code seq}, no longer registered as such; null if none. */
    Waiting delivered(long seq) {
        return waitingForDelivery.remove(seq);
    }

    /** A queued message that will not reach the backend: the wallbox waiting for it is answered now. */
    void answerLocally(long seq) {
        Waiting wait = waitingForDelivery.remove(seq);
        if (wait != null) {
            complete(wait, null);
        }
    }

    /** Answers the wallbox with the backend's answer, or (null) by the offline rules; once. */
    void complete(Waiting wait, RawConfirmation fromBackend) {
        waiting.remove(wait);
        if (wait.answer.isDone()) {
            return;
        }
        RawConfirmation answer = fromBackend != null ? fromBackend : wait.offline.get();
        LOG.debug("chargeBox={} {} answered {}", name, wait.what, fromBackend != null ? "by the backend" : "locally");
        wait.answer.complete(answer);
    }

    /** Answers by the offline rules whatever waited past its deadline. */
    void expire(Instant now) {
        for (Waiting wait : List.copyOf(waiting)) {
            if (!now.isBefore(wait.deadline)) {
                complete(wait, null);
            }
        }
        waitingForDelivery.values().removeIf(wait -> wait.answer.isDone());
    }

    /** The connection to the backend is gone: everything waiting is answered by the offline rules. */
    void answerAllOffline() {
        for (Waiting wait : List.copyOf(waiting)) {
            complete(wait, null);
        }
        waitingForDelivery.clear();
    }
}
