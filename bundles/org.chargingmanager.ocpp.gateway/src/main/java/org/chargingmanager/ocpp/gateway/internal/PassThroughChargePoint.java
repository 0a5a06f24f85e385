package org.chargingmanager.ocpp.gateway.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.chargingmanager.api.evse.ChargingCap;
import org.chargingmanager.ocpp.gateway.internal.WallboxAnswers.Waiting;
import org.chargingmanager.ocpp.relay.ChargePointLink;
import org.chargingmanager.ocpp.relay.ChargePointUplink;
import org.chargingmanager.ocpp.v16.Action;
import org.chargingmanager.ocpp.v16.AuthorizationStatus;
import org.chargingmanager.ocpp.v16.ClearCacheConfirmation;
import org.chargingmanager.ocpp.v16.ClearCacheRequest;
import org.chargingmanager.ocpp.v16.ClearCacheStatus;
import org.chargingmanager.ocpp.v16.ClearChargingProfileRequest;
import org.chargingmanager.ocpp.v16.GetCompositeScheduleRequest;
import org.chargingmanager.ocpp.v16.SetChargingProfileRequest;
import org.chargingmanager.ocpp.v16.GetLocalListVersionRequest;
import org.chargingmanager.ocpp.v16.HeartbeatRequest;
import org.chargingmanager.ocpp.v16.RawConfirmation;
import org.chargingmanager.ocpp.v16.RawResult;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.SendLocalListRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * An OCPP wallbox on our central system, passed through to the backend (configuration
 * {@code passThroughChargeBoxId}): the backend decides its Authorize, StartTransaction,
 * StopTransaction and DataTransfer, and its answers reach the wallbox byte for byte; the
 * wallbox's payloads (signed meter values, payment-terminal DataTransfer) reach the backend byte
 * for byte — only the {@code transactionId} of MeterValues and StopTransaction is replaced where
 * the wallbox knows the transaction by another number. The central system has recorded
 * everything before it arrives here.
 *
 * <p>Transaction messages go through the persistent {@link TransactionJournal}, under the
 * transaction log's ID, and are delivered in order ({@link QueueDelivery}). The wallbox waits up
 * to {@link WallboxAnswers#ANSWER_WAIT} for the backend's answer; when the backend is away or
 * slow, it is answered by the offline rules ({@link OfflineAuthorizer}: local list, cache, policy)
 * and the transaction gets the log's ID (the backend's ID is mapped when its confirmation
 * arrives). The backend's CALLs are passed to the wallbox ({@link WallboxCallRelay}; RemoteStop
 * with the wallbox's transaction ID); until the wallbox answered, the session refuses the
 * backend's next CALL. The wallbox's own BootNotification is kept by {@link WallboxBootRecord}.
 * SendLocalList, GetLocalListVersion and ClearCache are answered here: the list decides for the
 * wallbox while the backend is away. The backend's charging profiles stay here too
 * ({@link ProfileCaps}): they cap the wallbox's EVSEs for the load manager, which keeps sending
 * the wallbox its own profiles.
 *
 * <p>Runs on the gateway's thread; {@link #forward} and {@link #notify} hop onto it.
 */
final class PassThroughChargePoint implements UpstreamChargePoint, ChargePointUplink {

    private static final Logger LOG = LoggerFactory.getLogger(PassThroughChargePoint.class);
    private static final Duration BOOT_RETRY = Duration.ofSeconds(60);
    /** How long a new connection waits for the wallbox's own BootNotification before booting with the configured identity. */
    static final Duration WALLBOX_BOOT_WAIT = Duration.ofSeconds(120);

    private final GatewaySettings settings;
    private final ConfigurationKeys keys;
    private final TransactionJournal journal;
    private final Clock clock;
    private final Executor executor;
    private final VirtualChargePoint.Upstream upstream;
    private final OfflineAuthorizer authorizer;
    private final LocalAuthList localList;
    private final ProfileCaps profiles;
    private final WallboxBootRecord boot;
    private final String name;
    private final Map<Integer, String> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final WallboxAnswers answers;
    private final QueueDelivery delivery;
    private final WallboxCallRelay wallboxCalls;
    private boolean connected;
    private volatile boolean booted;
    private boolean bootInFlight;
    private Instant nextBootAt = Instant.MIN;
    private Instant connectedAt = Instant.MIN;
    private Instant lastCallAt = Instant.MIN;

    PassThroughChargePoint(GatewaySettings settings, ConfigurationKeys keys, TransactionJournal journal, Clock clock,
            Executor executor, VirtualChargePoint.Upstream upstream, LocalAuthList localList, Path bootFile,
            ProfileCaps profiles) {
        this.settings = settings;
        this.profiles = profiles;
        this.keys = keys;
        this.journal = journal;
        this.clock = clock;
        this.executor = executor;
        this.upstream = upstream;
        this.localList = localList;
        this.boot = new WallboxBootRecord(settings, bootFile);
        this.name = settings.chargeBoxId();
        this.answers = new WallboxAnswers(name, clock);
        this.wallboxCalls = new WallboxCallRelay(name, settings.passThroughChargeBoxId(), journal);
        this.authorizer = new OfflineAuthorizer(settings.offlineAuthorization(), localList, settings.idTag());
        this.delivery = new QueueDelivery(name, journal, keys, clock, answers, authorizer, this::callRaw, () -> booted);
    }

    // ---------------------------------------------------------------- ChargePointUplink (server threads)

    @Override
    public void attached(ChargePointLink newLink) {
        wallboxCalls.attached(newLink);
    }

    @Override
    public void notify(Action action, String payloadJson) {
        onThread(() -> {
            if (action == Action.BOOT_NOTIFICATION) {
                boot.remember(payloadJson);
            } else if (action == Action.STATUS_NOTIFICATION) {
                int connectorId = object(payloadJson).get("connectorId").getAsInt();
                statuses.put(connectorId, payloadJson);
                if (booted) {
                    callRaw(Action.STATUS_NOTIFICATION, payloadJson);
                }
            }
        }, null);
    }

    @Override
    public CompletionStage<RawConfirmation> forward(Action action, String payloadJson, long logTransactionId) {
        CompletableFuture<RawConfirmation> answer = new CompletableFuture<>();
        onThread(() -> {
            switch (action) {
                case AUTHORIZE -> authorize(payloadJson, answer);
                case START_TRANSACTION -> startTransaction(payloadJson, logTransactionId, answer);
                case STOP_TRANSACTION -> stopTransaction(payloadJson, logTransactionId, answer);
                case METER_VALUES -> meterValues(payloadJson, logTransactionId, answer);
                case DATA_TRANSFER -> dataTransfer(payloadJson, answer);
                default -> answer.completeExceptionally(new IllegalArgumentException(action + " is not forwarded"));
            }
        }, answer);
        return answer;
    }

    @Override
    public OptionalLong logTransactionId(int chargePointTransactionId) {
        return journal.localOfAlias(chargePointTransactionId);
    }

    private void onThread(Runnable task, CompletableFuture<?> answer) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("chargeBox={} passing a message through failed", name, e);
                    if (answer != null) {
                        answer.completeExceptionally(e);
                    }
                }
            });
        } catch (RejectedExecutionException stopped) {
            if (answer != null) {
                answer.completeExceptionally(new IllegalStateException("the gateway " + name + " is stopped"));
            }
        }
    }

    // ---------------------------------------------------------------- what the wallbox sends

    private void authorize(String payloadJson, CompletableFuture<RawConfirmation> answer) {
        String idTag = object(payloadJson).get("idTag").getAsString();
        Supplier<RawConfirmation> offline = () -> {
            AuthorizationStatus status = authorizer.decide(idTag, false, clock.instant());
            if (status != AuthorizationStatus.ACCEPTED) { // a refused tag is worth knowing, an accepted one routine
                LOG.info("chargeBox={} Authorize idTag={} answered {} by the offline rules: the backend {}", name, idTag,
                        status.wireValue(), booted ? "did not answer in time" : "is away");
            }
            return idTagInfoAnswer(status, null);
        };
        if (!booted) {
            answers.answerOffline(answer, offline, "Authorize idTag=" + idTag);
            return;
        }
        Waiting wait = answers.await(answer, offline, "Authorize idTag=" + idTag);
        callRaw(Action.AUTHORIZE, payloadJson).whenComplete((result, failure) -> {
            if (failure == null) {
                authorizer.backendSaid(idTag, statusOf(result.payloadJson()));
                answers.complete(wait, new RawConfirmation(result.payloadJson()));
            } else {
                answers.complete(wait, null);
            }
        });
    }

    private void startTransaction(String payloadJson, long logTx, CompletableFuture<RawConfirmation> answer) {
        JsonObject start = object(payloadJson);
        int connectorId = start.get("connectorId").getAsInt();
        String idTag = start.get("idTag").getAsString();
        Instant at = Instant.parse(start.get("timestamp").getAsString());
        long seq = journal.startTransaction(logTx, connectorId, idTag, start.get("meterStart").getAsInt(), at,
                payloadJson);
        Supplier<RawConfirmation> offline = () -> {
            int given = delivery.chooseChargePointId(logTx, logTx);
            LOG.info("chargeBox={} connector={} transaction local-{} started while the backend {}: answered by the "
                    + "offline rules, the wallbox knows it as {}", name, connectorId, logTx,
                    booted ? "did not answer in time" : "is away", given);
            return idTagInfoAnswer(authorizer.decide(idTag, false, clock.instant()), given);
        };
        Waiting wait = answers.newWait(answer, offline, "StartTransaction local-" + logTx);
        if (seq < 0) { // sent again: the first answer is given again
            OptionalInt given = journal.aliasOf(logTx);
            OptionalInt backend = journal.backendTransactionId(logTx);
            answers.complete(wait, idTagInfoAnswer(AuthorizationStatus.ACCEPTED,
                    given.orElse(backend.orElse((int) logTx))));
            return;
        }
        if (!booted) {
            answers.complete(wait, null);
            return;
        }
        answers.awaitDelivery(seq, wait);
        delivery.deliver(clock.instant());
    }

    private void stopTransaction(String payloadJson, long logTx, CompletableFuture<RawConfirmation> answer) {
        JsonObject stop = object(payloadJson);
        Instant at = Instant.parse(stop.get("timestamp").getAsString());
        int connectorId = journal.openTransaction(logTx).map(TransactionJournal.OpenTransaction::connectorId).orElse(0);
        long seq = journal.stopTransaction(logTx, connectorId, payloadJson, at);
        if (connectorId > 0) {
            profiles.transactionEnded(connectorId); // a TxProfile ends with its transaction
        }
        LOG.info("chargeBox={} connector={} transaction local-{} stopped by the wallbox ({} queued)", name, connectorId,
                logTx, journal.size());
        Waiting wait = answers.newWait(answer, () -> new RawConfirmation("{}"), "StopTransaction local-" + logTx);
        if (!booted) {
            answers.complete(wait, null);
            return;
        }
        answers.awaitDelivery(seq, wait);
        delivery.deliver(clock.instant());
    }

    private void meterValues(String payloadJson, long logTx, CompletableFuture<RawConfirmation> answer) {
        if (logTx != 0) {
            int connectorId = object(payloadJson).get("connectorId").getAsInt();
            journal.addMeterValues(logTx, connectorId, payloadJson, clock.instant());
            answer.complete(new RawConfirmation("{}"));
            delivery.deliver(clock.instant());
            return;
        }
        if (booted) { // outside a transaction: not queued (OCPP 1.6 §3.7)
            callRaw(Action.METER_VALUES, payloadJson);
        }
        answer.complete(new RawConfirmation("{}"));
    }

    private void dataTransfer(String payloadJson, CompletableFuture<RawConfirmation> answer) {
        JsonObject transfer = object(payloadJson);
        String what = "DataTransfer vendorId=" + transfer.get("vendorId").getAsString();
        Supplier<RawConfirmation> offline = () -> {
            LOG.info("chargeBox={} {} answered Rejected: the backend {}", name, what,
                    booted ? "did not answer in time" : "is away");
            return new RawConfirmation("{\"status\":\"Rejected\"}");
        };
        if (!booted) {
            answers.answerOffline(answer, offline, what);
            return;
        }
        Waiting wait = answers.await(answer, offline, what);
        callRaw(Action.DATA_TRANSFER, payloadJson).whenComplete((result, failure) -> answers.complete(wait,
                failure == null ? new RawConfirmation(result.payloadJson()) : null));
    }

    private static RawConfirmation idTagInfoAnswer(AuthorizationStatus status, Integer transactionId) {
        JsonObject info = new JsonObject();
        info.addProperty("status", status.wireValue());
        JsonObject answer = new JsonObject();
        answer.add("idTagInfo", info);
        if (transactionId != null) {
            answer.addProperty("transactionId", transactionId);
        }
        return new RawConfirmation(answer.toString());
    }

    // ---------------------------------------------------------------- the connection

    @Override
    public List<ChargingCap> caps() {
        return profiles.caps();
    }

    @Override
    public boolean booted() {
        return booted;
    }

    @Override
    public List<VirtualChargePoint.ConnectorView> view() {
        List<VirtualChargePoint.ConnectorView> view = new ArrayList<>();
        statuses.forEach((connectorId, payload) -> {
            if (connectorId > 0) {
                Integer transactionId = journal.openTransactions().stream()
                        .filter(tx -> tx.connectorId() == connectorId).findFirst()
                        .map(tx -> journal.backendTransactionId(tx.localTx()))
                        .filter(OptionalInt::isPresent).map(OptionalInt::getAsInt).orElse(null);
                view.add(new VirtualChargePoint.ConnectorView(connectorId, settings.passThroughChargeBoxId(),
                        object(payload).get("status").getAsString(), transactionId, null));
            }
        });
        return view;
    }

    @Override
    public void connected() {
        connected = true;
        connectedAt = clock.instant();
        booted = false;
        bootInFlight = false;
        nextBootAt = Instant.MIN;
        delivery.connectionChanged();
    }

    @Override
    public void disconnected() {
        connected = false;
        booted = false;
        bootInFlight = false;
        delivery.connectionChanged();
        answers.answerAllOffline();
    }

    @Override
    public void tick(Instant now) {
        if (connected && !booted && !bootInFlight && !now.isBefore(nextBootAt)
                && (boot.known() || !now.isBefore(connectedAt.plus(WALLBOX_BOOT_WAIT)))) {
            sendBoot();
        }
        answers.expire(now);
        profiles.update(now, connectorId -> runningTransaction(connectorId)
                .map(TransactionJournal.OpenTransaction::startedAt).orElse(null));
        if (booted) {
            int heartbeat = keys.getInt(ConfigurationKeys.HEARTBEAT_INTERVAL);
            if (heartbeat > 0 && !now.isBefore(lastCallAt.plusSeconds(heartbeat))) {
                lastCallAt = now;
                upstream.call(new HeartbeatRequest());
            }
            delivery.deliver(now);
        }
    }

    private void sendBoot() {
        bootInFlight = true;
        callRaw(Action.BOOT_NOTIFICATION, boot.payload()).whenComplete((result, failure) -> {
            bootInFlight = false;
            if (failure != null) {
                nextBootAt = clock.instant().plusSeconds(10);
                return;
            }
            JsonObject answer = object(result.payloadJson());
            int interval = answer.get("interval").getAsInt();
            if ("Accepted".equals(answer.get("status").getAsString())) {
                if (interval > 0) {
                    keys.change(ConfigurationKeys.HEARTBEAT_INTERVAL, Integer.toString(interval));
                }
                booted = true;
                LOG.info("chargeBox={} accepted by the backend for the wallbox {} ({} queued transaction messages)",
                        name, settings.passThroughChargeBoxId(), journal.size());
                statuses.values().forEach(status -> callRaw(Action.STATUS_NOTIFICATION, status));
                delivery.retryNow();
                delivery.deliver(clock.instant());
            } else {
                Duration retry = interval > 0 ? Duration.ofSeconds(interval) : BOOT_RETRY;
                nextBootAt = clock.instant().plus(retry);
                LOG.info("chargeBox={} BootNotification answered {}; again in {} s", name,
                        answer.get("status").getAsString(), retry.toSeconds());
            }
        });
    }

    private CompletableFuture<RawResult> callRaw(Action action, String payloadJson) {
        lastCallAt = clock.instant();
        LOG.debug("chargeBox={} -> {} (passed through)", name, action.wireName());
        try {
            return upstream.callRaw(action, payloadJson);
        } catch (IllegalArgumentException e) {
            LOG.warn("chargeBox={} {} of the wallbox not passed on: {}", name, action.wireName(), e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    // ---------------------------------------------------------------- the persistent queue

    // ---------------------------------------------------------------- the backend's CALLs

    @Override
    public Object handle(Request request, String payloadJson) {
        if (request instanceof SendLocalListRequest send) {
            return LocalListAnswers.send(localList, keys, send, name);
        }
        if (request instanceof GetLocalListVersionRequest) {
            return LocalListAnswers.version(localList, keys);
        }
        if (request instanceof ClearCacheRequest) {
            authorizer.clearCache();
            return new ClearCacheConfirmation(ClearCacheStatus.ACCEPTED);
        }
        if (request instanceof SetChargingProfileRequest set) {
            Integer running = set.connectorId() == 0 ? null : runningTransaction(set.connectorId())
                    .map(tx -> journal.backendTransactionId(tx.localTx())).filter(OptionalInt::isPresent)
                    .map(OptionalInt::getAsInt).orElse(null);
            return profiles.set(set, running, clock.instant());
        }
        if (request instanceof ClearChargingProfileRequest clear) {
            return profiles.clear(clear);
        }
        if (request instanceof GetCompositeScheduleRequest get) {
            return profiles.composite(get, get.connectorId() == 0 ? null : runningTransaction(get.connectorId())
                    .map(TransactionJournal.OpenTransaction::startedAt).orElse(null), clock.instant());
        }
        return wallboxCalls.pass(request.action(), payloadJson);
    }

    @Override
    public void afterAnswer() {
        // nothing waits for the answer to go out
    }

    // ---------------------------------------------------------------- helpers

    private Optional<TransactionJournal.OpenTransaction> runningTransaction(int connectorId) {
        return journal.openTransactions().stream().filter(tx -> tx.connectorId() == connectorId).findFirst();
    }

    static JsonObject object(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    static AuthorizationStatus statusOf(String confirmationJson) {
        JsonElement status = object(confirmationJson).getAsJsonObject("idTagInfo").get("status");
        for (AuthorizationStatus candidate : AuthorizationStatus.values()) {
            if (candidate.wireValue().equals(status.getAsString())) {
                return candidate;
            }
        }
        return AuthorizationStatus.INVALID;
    }

    static String quote(String text) {
        return new JsonPrimitive(text).toString();
    }
}
