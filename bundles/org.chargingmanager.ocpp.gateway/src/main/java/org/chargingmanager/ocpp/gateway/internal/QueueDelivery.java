package org.chargingmanager.ocpp.gateway.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BooleanSupplier;

import org.chargingmanager.ocpp.RpcCallException;
import org.chargingmanager.ocpp.gateway.internal.WallboxAnswers.Waiting;
import org.chargingmanager.ocpp.v16.Action;
import org.chargingmanager.ocpp.v16.AuthorizationStatus;
import org.chargingmanager.ocpp.v16.RawConfirmation;
import org.chargingmanager.ocpp.v16.RawResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;

/**
 * Delivers a passed-through wallbox's persistent queue ({@link TransactionJournal}) to the
 * backend, one message at a time, in the order written: a StartTransaction's answer maps the
 * backend's transaction ID (and answers the wallbox if it still waits), later messages of the
 * transaction carry that ID; a message the backend refuses is retried after
 * TransactionMessageRetryInterval times the attempts, up to TransactionMessageAttempts; an
 * offline or timed-out CALL is simply sent again. Runs on the gateway's thread.
 */
final class QueueDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(QueueDelivery.class);

    /** Sends a payload to the backend as it is. */
    interface Caller {
        CompletableFuture<RawResult> callRaw(Action action, String payloadJson);
    }

    private final String name;
    private final TransactionJournal journal;
    private final ConfigurationKeys keys;
    private final Clock clock;
    private final WallboxAnswers answers;
    private final OfflineAuthorizer authorizer;
    private final Caller caller;
    private final BooleanSupplier booted;
    private final Map<Long, Integer> attempts = new HashMap<>();
    private boolean deliveryInFlight;
    private Instant deliveryRetryAt = Instant.MIN;

    QueueDelivery(String name, TransactionJournal journal, ConfigurationKeys keys, Clock clock, WallboxAnswers answers,
            OfflineAuthorizer authorizer, Caller caller, BooleanSupplier booted) {
        this.name = name;
        this.journal = journal;
        this.keys = keys;
        this.clock = clock;
        this.answers = answers;
        this.authorizer = authorizer;
        this.caller = caller;
        this.booted = booted;
    }

    /** A new or lost connection: nothing is in flight any more. */
    void connectionChanged() {
        deliveryInFlight = false;
    }

    /** The backend accepted the boot: deliver now, whatever retry waited. */
    void retryNow() {
        deliveryRetryAt = Instant.MIN;
    }

    /**
     * The transaction ID the wallbox gets: the preferred one (the backend's, or the log's) unless
     * another open transaction of this wallbox uses it; then the log's, then its negative.
     */
    int chooseChargePointId(long logTx, long preferred) {
        int given = (int) preferred;
        if (journal.aliasInUse(given, logTx)) {
            given = (int) logTx;
            if (journal.aliasInUse(given, logTx)) {
                given = (int) -logTx;
            }
        }
        journal.alias(logTx, given);
        return given;
    }

    /** Sends the queue's head unless one is in flight or a retry waits; again after each answer. */
    void deliver(Instant now) {
        if (!booted.getAsBoolean() || deliveryInFlight || now.isBefore(deliveryRetryAt)) {
            return;
        }
        Optional<TransactionJournal.Entry> head = journal.head();
        if (head.isEmpty()) {
            return;
        }
        TransactionJournal.Entry entry = head.get();
        Action action = Action.fromWireName(entry.action()).orElseThrow();
        String payload = entry.payload();
        if (action != Action.START_TRANSACTION) {
            OptionalInt backendId = journal.backendTransactionId(entry.localTx());
            if (backendId.isEmpty()) {
                LOG.warn("chargeBox={} {} of local-{} dropped: its StartTransaction never got a transaction ID", name,
                        entry.action(), entry.localTx());
                journal.done(entry.seq());
                answers.answerLocally(entry.seq());
                deliver(now);
                return;
            }
            if (!journal.aliasOf(entry.localTx()).equals(backendId)) {
                payload = TransactionIdPatch.replace(payload, backendId.getAsInt());
            }
        }
        deliveryInFlight = true;
        caller.callRaw(action, payload).whenComplete((result, failure) -> {
            deliveryInFlight = false;
            if (failure == null) {
                delivered(entry, result);
            } else {
                deliveryFailed(entry, failure);
            }
            deliver(clock.instant());
        });
    }

    private void delivered(TransactionJournal.Entry entry, RawResult result) {
        attempts.remove(entry.seq());
        Waiting wait = answers.delivered(entry.seq());
        if (entry.action().equals(TransactionJournal.START)) {
            JsonObject answer = PassThroughChargePoint.object(result.payloadJson());
            int backendId = answer.get("transactionId").getAsInt();
            AuthorizationStatus status = PassThroughChargePoint.statusOf(result.payloadJson());
            journal.mapTransaction(entry.localTx(), backendId);
            journal.openTransaction(entry.localTx()).ifPresent(tx -> authorizer.backendSaid(tx.idTag(), status));
            RawConfirmation forWallbox = null;
            if (wait != null && !wait.answer.isDone()) {
                int given = chooseChargePointId(entry.localTx(), backendId);
                forWallbox = new RawConfirmation(given == backendId ? result.payloadJson()
                        : TransactionIdPatch.replace(result.payloadJson(), given));
            }
            LOG.info("chargeBox={} connector={} transaction local-{} is transactionId={} at the backend ({}), the "
                    + "wallbox knows it as {}", name, entry.connectorId(), entry.localTx(), backendId, status.wireValue(),
                    journal.aliasOf(entry.localTx()).orElse(backendId));
            journal.done(entry.seq());
            if (wait != null) {
                answers.complete(wait, forWallbox);
            }
            return;
        }
        int backendId = journal.backendTransactionId(entry.localTx()).orElse(-1);
        journal.done(entry.seq()); // before the wallbox hears of it: the queue is what counts
        if (entry.action().equals(TransactionJournal.STOP)) {
            LOG.info("chargeBox={} connector={} StopTransaction of transactionId={} delivered", name, entry.connectorId(),
                    backendId);
            if (wait != null) {
                answers.complete(wait, new RawConfirmation(result.payloadJson()));
            }
        }
    }

    private void deliveryFailed(TransactionJournal.Entry entry, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof RpcCallException rpc && (rpc.code().equals(RpcCallException.OFFLINE)
                || rpc.code().equals(RpcCallException.TIMEOUT) || rpc.code().equals(RpcCallException.QUEUE_FULL))) {
            deliveryRetryAt = clock.instant().plusSeconds(rpc.code().equals(RpcCallException.OFFLINE) ? 0 : 5);
            return;
        }
        int tried = attempts.merge(entry.seq(), 1, Integer::sum);
        int allowed = keys.getInt(ConfigurationKeys.TRANSACTION_MESSAGE_ATTEMPTS);
        if (tried >= allowed) {
            LOG.warn("chargeBox={} {} of local-{} refused {} times by the backend, given up: {}", name, entry.action(),
                    entry.localTx(), tried, cause.getMessage());
            attempts.remove(entry.seq());
            journal.done(entry.seq());
            answers.answerLocally(entry.seq());
            return;
        }
        int interval = keys.getInt(ConfigurationKeys.TRANSACTION_MESSAGE_RETRY_INTERVAL);
        deliveryRetryAt = clock.instant().plusSeconds((long) interval * tried);
        LOG.info("chargeBox={} {} of local-{} refused by the backend ({}), again in {} s", name, entry.action(),
                entry.localTx(), cause.getMessage(), (long) interval * tried);
    }
}
