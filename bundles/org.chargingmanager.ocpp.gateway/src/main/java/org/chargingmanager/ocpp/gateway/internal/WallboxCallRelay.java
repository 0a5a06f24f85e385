package org.chargingmanager.ocpp.gateway.internal;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.chargingmanager.ocpp.RpcCallException;
import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.RpcErrorCode;
import org.chargingmanager.ocpp.relay.ChargePointLink;
import org.chargingmanager.ocpp.v16.Action;
import org.chargingmanager.ocpp.v16.RawConfirmation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonParser;

/**
 * The backend's CALLs that a passed-through wallbox answers itself: passed to it over our central
 * system's connection byte for byte (a RemoteStopTransaction with the wallbox's own transaction
 * ID), and its answer, or its CALLERROR, back. Keys of our central system's connection to the
 * wallbox are never changed by the backend.
 */
final class WallboxCallRelay {

    private static final Logger LOG = LoggerFactory.getLogger(WallboxCallRelay.class);
    /** The backend's CALLs that are passed to the wallbox. */
    private static final Set<Action> PASSED_TO_WALLBOX = Set.of(Action.REMOTE_START_TRANSACTION,
            Action.REMOTE_STOP_TRANSACTION, Action.DATA_TRANSFER, Action.GET_CONFIGURATION, Action.CHANGE_CONFIGURATION,
            Action.RESET, Action.UNLOCK_CONNECTOR, Action.TRIGGER_MESSAGE, Action.CHANGE_AVAILABILITY);
    /** Keys that belong to our central system's connection to the wallbox: never changed by the backend. */
    private static final Set<String> PROTECTED_KEYS = Set.of("authorizationkey", "securityprofile", "cponame");

    private final String name;
    private final String wallbox;
    private final TransactionJournal journal;
    private volatile ChargePointLink link;

    WallboxCallRelay(String name, String wallbox, TransactionJournal journal) {
        this.name = name;
        this.wallbox = wallbox;
        this.journal = journal;
    }

    void attached(ChargePointLink newLink) {
        this.link = newLink;
    }

    /**
     * The answer to the backend's CALL: a {@link RawConfirmation}, an {@link RpcError}, or a future
     * of one of them while the wallbox answers.
     */
    Object pass(Action action, String payloadJson) {
        if (!PASSED_TO_WALLBOX.contains(action) || payloadJson == null) {
            return RpcError.of("", RpcErrorCode.NOT_SUPPORTED, action.wireName() + " is not passed to the wallbox");
        }
        String payload = payloadJson;
        if (action == Action.CHANGE_CONFIGURATION) {
            String key = JsonParser.parseString(payload).getAsJsonObject().get("key").getAsString();
            if (PROTECTED_KEYS.contains(key.toLowerCase(Locale.ROOT))) {
                LOG.info("chargeBox={} the backend may not change {} of the wallbox: Rejected", name, key);
                return new RawConfirmation("{\"status\":\"Rejected\"}");
            }
        }
        if (action == Action.REMOTE_STOP_TRANSACTION) {
            int backendId = JsonParser.parseString(payload).getAsJsonObject().get("transactionId").getAsInt();
            OptionalInt given = journal.openTransactions().stream()
                    .filter(tx -> journal.backendTransactionId(tx.localTx()).equals(OptionalInt.of(backendId)))
                    .map(tx -> journal.aliasOf(tx.localTx())).filter(OptionalInt::isPresent).findFirst()
                    .orElse(OptionalInt.empty());
            if (given.isPresent() && given.getAsInt() != backendId) {
                payload = TransactionIdPatch.replace(payload, given.getAsInt());
            }
        }
        ChargePointLink current = link;
        if (current == null || !current.connected()) {
            LOG.info("chargeBox={} {} from the backend: the wallbox {} is not connected", name, action.wireName(),
                    wallbox);
            return RpcError.of("", RpcErrorCode.GENERIC_ERROR, "the wallbox is not connected");
        }
        LOG.info("chargeBox={} {} from the backend passed to the wallbox {}", name, action.wireName(), wallbox);
        CompletableFuture<Object> answer = new CompletableFuture<>();
        current.call(action, payload).whenComplete((result, failure) -> {
            if (failure == null) {
                answer.complete(new RawConfirmation(result.payloadJson()));
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            String code = cause instanceof RpcCallException rpc ? rpc.code() : "InternalError";
            LOG.info("chargeBox={} the wallbox answered {} with {}: {}", name, action.wireName(), code,
                    cause.getMessage());
            answer.complete(RpcError.of("", RpcErrorCode.fromWireValue(code).orElse(RpcErrorCode.GENERIC_ERROR),
                    "the wallbox: " + cause.getMessage()));
        });
        return answer;
    }
}
