package org.chargingmanager.ocpp.gateway.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.chargingmanager.api.evse.ChargingCap;
import org.chargingmanager.ocpp.RpcCallException;
import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.RpcErrorCode;
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
 * transaction log's ID, and are delivered in order. The wallbox waits up to {@link #ANSWER_WAIT}
 * for the backend's answer; when the backend is away or slow, this class answers by the offline
 * rules ({@link OfflineAuthorizer}: local list, cache, policy) and gives the transaction the log's
 * ID (the backend's ID is mapped when its confirmation arrives). The backend's CALLs are passed
 * to the wallbox (RemoteStop with the wallbox's transaction ID); until the wallbox answered, the
 * session refuses the backend's next CALL. SendLocalList, GetLocalListVersion and ClearCache are
 * answered here: the list decides for the wallbox while the backend is away. The backend's
 * charging profiles stay here too ({@link ProfileCaps}): they cap the wallbox's EVSEs for the load
 * manager, which keeps sending the wallbox its own profiles.
 *
 * <p>Runs on the gateway's thread; {@link #forward} and {@link #notify} hop onto it.
 */
final class PassThroughChargePoint implements UpstreamChargePoint, ChargePointUplink {

    private static final Logger LOG = LoggerFactory.getLogger(PassThroughChargePoint.class);
    /** How long the wallbox waits for the backend's answer before the offline rules answer it. */
    static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
    private static final Duration BOOT_RETRY = Duration.ofSeconds(60);
    /** How long a new connection waits for the wallbox's own BootNotification before booting with the configured identity. */
    static final Duration WALLBOX_BOOT_WAIT = Duration.ofSeconds(120);
    /** The backend's CALLs that are passed to the wallbox. */
    private static final Set<Action> PASSED_TO_WALLBOX = Set.of(Action.REMOTE_START_TRANSACTION,
            Action.REMOTE_STOP_TRANSACTION, Action.DATA_TRANSFER, Action.GET_CONFIGURATION, Action.CHANGE_CONFIGURATION,
            Action.RESET, Action.UNLOCK_CONNECTOR, Action.TRIGGER_MESSAGE, Action.CHANGE_AVAILABILITY);
    /** Keys that belong to our central system's connection to the wallbox: never changed by the backend. */
    private static final Set<String> PROTECTED_KEYS = Set.of("authorizationkey", "securityprofile", "cponame");

    /** An answer the wallbox waits for, with what the offline rules would say instead. */
    private static final class Waiting {
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

    private final GatewaySettings settings;
    private final ConfigurationKeys keys;
    private final TransactionJournal journal;
    private final Clock clock;
    private final Executor executor;
    private final VirtualChargePoint.Upstream upstream;
    private final OfflineAuthorizer authorizer;
    private final LocalAuthList localList;
    private final ProfileCaps profiles;
    private final Path bootFile;
    private final String name;
    private final Map<Integer, String> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<Long, Waiting> waitingForDelivery = new HashMap<>();
    private final List<Waiting> waiting = new ArrayList<>();
    private final Map<Long, Integer> attempts = new HashMap<>();
    private volatile ChargePointLink link;
    private String bootPayload;
    private boolean connected;
    private volatile boolean booted;
    private boolean bootInFlight;
    private Instant nextBootAt = Instant.MIN;
    private Instant connectedAt = Instant.MIN;
    private Instant lastCallAt = Instant.MIN;
    private boolean deliveryInFlight;
    private Instant deliveryRetryAt = Instant.MIN;

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
        this.bootFile = bootFile;
        this.name = settings.chargeBoxId();
        this.authorizer = new OfflineAuthorizer(settings.offlineAuthorization(), localList, settings.idTag());
        try {
            if (Files.exists(bootFile)) {
                bootPayload = Files.readString(bootFile, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            LOG.warn("chargeBox={} cannot read {}: {}", name, bootFile.getFileName(), e.toString());
        }
    }

    // ---------------------------------------------------------------- ChargePointUplink (server threads)

    @Override
    public void attached(ChargePointLink newLink) {
        this.link = newLink;
    }

    @Override
    public void notify(Action action, String payloadJson) {
        onThread(() -> {
            if (action == Action.BOOT_NOTIFICATION) {
                rememberBoot(payloadJson);
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

    private void rememberBoot(String payloadJson) {
        if (payloadJson.equals(bootPayload)) {
            return;
        }
        bootPayload = payloadJson;
        try {
            Files.createDirectories(bootFile.getParent());
            Files.writeString(bootFile, payloadJson, StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("chargeBox={} cannot keep the wallbox's BootNotification in {}: {}", name, bootFile.getFileName(),
                    e.toString());
        }
    }

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
            complete(new Waiting(answer, clock.instant(), offline, "Authorize idTag=" + idTag), null);
            return;
        }
        Waiting wait = await(answer, offline, "Authorize idTag=" + idTag);
        callRaw(Action.AUTHORIZE, payloadJson).whenComplete((result, failure) -> {
            if (failure == null) {
                authorizer.backendSaid(idTag, statusOf(result.payloadJson()));
                complete(wait, new RawConfirmation(result.payloadJson()));
            } else {
                complete(wait, null);
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
            int given = chooseChargePointId(logTx, logTx);
            LOG.info("chargeBox={} connector={} transaction local-{} started while the backend {}: answered by the "
                    + "offline rules, the wallbox knows it as {}", name, connectorId, logTx,
                    booted ? "did not answer in time" : "is away", given);
            return idTagInfoAnswer(authorizer.decide(idTag, false, clock.instant()), given);
        };
        Waiting wait = new Waiting(answer, clock.instant().plus(ANSWER_WAIT), offline, "StartTransaction local-" + logTx);
        if (seq < 0) { // sent again: the first answer is given again
            OptionalInt given = journal.aliasOf(logTx);
            OptionalInt backend = journal.backendTransactionId(logTx);
            complete(wait, idTagInfoAnswer(AuthorizationStatus.ACCEPTED,
                    given.orElse(backend.orElse((int) logTx))));
            return;
        }
        if (!booted) {
            complete(wait, null);
            return;
        }
        waitingForDelivery.put(seq, wait);
        waiting.add(wait);
        deliver(clock.instant());
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
        Waiting wait = new Waiting(answer, clock.instant().plus(ANSWER_WAIT), () -> new RawConfirmation("{}"),
                "StopTransaction local-" + logTx);
        if (!booted) {
            complete(wait, null);
            return;
        }
        waitingForDelivery.put(seq, wait);
        waiting.add(wait);
        deliver(clock.instant());
    }

    private void meterValues(String payloadJson, long logTx, CompletableFuture<RawConfirmation> answer) {
        if (logTx != 0) {
            int connectorId = object(payloadJson).get("connectorId").getAsInt();
            journal.addMeterValues(logTx, connectorId, payloadJson, clock.instant());
            answer.complete(new RawConfirmation("{}"));
            deliver(clock.instant());
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
            complete(new Waiting(answer, clock.instant(), offline, what), null);
            return;
        }
        Waiting wait = await(answer, offline, what);
        callRaw(Action.DATA_TRANSFER, payloadJson).whenComplete((result, failure) -> complete(wait,
                failure == null ? new RawConfirmation(result.payloadJson()) : null));
    }

    private Waiting await(CompletableFuture<RawConfirmation> answer, Supplier<RawConfirmation> offline, String what) {
        Waiting wait = new Waiting(answer, clock.instant().plus(ANSWER_WAIT), offline, what);
        waiting.add(wait);
        return wait;
    }

    /** Answers the wallbox with the backend's answer, or (null) by the offline rules; once. */
    private void complete(Waiting wait, RawConfirmation fromBackend) {
        waiting.remove(wait);
        if (wait.answer.isDone()) {
            return;
        }
        RawConfirmation answer = fromBackend != null ? fromBackend : wait.offline.get();
        LOG.debug("chargeBox={} {} answered {}", name, wait.what, fromBackend != null ? "by the backend" : "locally");
        wait.answer.complete(answer);
    }

    /**
     * The transaction ID the wallbox gets: the preferred one (the backend's, or the log's) unless
     * another open transaction of this wallbox uses it; then the log's, then its negative.
     */
    private int chooseChargePointId(long logTx, long preferred) {
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
        deliveryInFlight = false;
    }

    @Override
    public void disconnected() {
        connected = false;
        booted = false;
        bootInFlight = false;
        deliveryInFlight = false;
        for (Waiting wait : List.copyOf(waiting)) {
            complete(wait, null);
        }
        waitingForDelivery.clear();
    }

    @Override
    public void tick(Instant now) {
        if (connected && !booted && !bootInFlight && !now.isBefore(nextBootAt)
                && (bootPayload != null || !now.isBefore(connectedAt.plus(WALLBOX_BOOT_WAIT)))) {
            sendBoot();
        }
        for (Iterator<Waiting> waits = List.copyOf(waiting).iterator(); waits.hasNext();) {
            Waiting wait = waits.next();
            if (!now.isBefore(wait.deadline)) {
                complete(wait, null);
            }
        }
        waitingForDelivery.values().removeIf(wait -> wait.answer.isDone());
        profiles.update(now, connectorId -> runningTransaction(connectorId)
                .map(TransactionJournal.OpenTransaction::startedAt).orElse(null));
        if (booted) {
            int heartbeat = keys.getInt(ConfigurationKeys.HEARTBEAT_INTERVAL);
            if (heartbeat > 0 && !now.isBefore(lastCallAt.plusSeconds(heartbeat))) {
                lastCallAt = now;
                upstream.call(new HeartbeatRequest());
            }
            deliver(now);
        }
    }

    private void sendBoot() {
        bootInFlight = true;
        String payload = bootPayload != null ? bootPayload : fallbackBoot();
        callRaw(Action.BOOT_NOTIFICATION, payload).whenComplete((result, failure) -> {
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
                deliveryRetryAt = Instant.MIN;
                deliver(clock.instant());
            } else {
                Duration retry = interval > 0 ? Duration.ofSeconds(interval) : BOOT_RETRY;
                nextBootAt = clock.instant().plus(retry);
                LOG.info("chargeBox={} BootNotification answered {}; again in {} s", name,
                        answer.get("status").getAsString(), retry.toSeconds());
            }
        });
    }

    /** The wallbox never booted since it was configured here (e.g. it booted before): the configured identity. */
    private String fallbackBoot() {
        JsonObject boot = new JsonObject();
        boot.addProperty("chargePointVendor",
                settings.chargePointVendor().isEmpty() ? "Charging Manager" : settings.chargePointVendor());
        boot.addProperty("chargePointModel",
                settings.chargePointModel().isEmpty() ? "OCPP wallbox" : settings.chargePointModel());
        return boot.toString();
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

    private void deliver(Instant now) {
        if (!booted || deliveryInFlight || now.isBefore(deliveryRetryAt)) {
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
                answerLocally(entry.seq());
                deliver(now);
                return;
            }
            if (!journal.aliasOf(entry.localTx()).equals(backendId)) {
                payload = TransactionIdPatch.replace(payload, backendId.getAsInt());
            }
        }
        deliveryInFlight = true;
        callRaw(action, payload).whenComplete((result, failure) -> {
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
        Waiting wait = waitingForDelivery.remove(entry.seq());
        if (entry.action().equals(TransactionJournal.START)) {
            JsonObject answer = object(result.payloadJson());
            int backendId = answer.get("transactionId").getAsInt();
            AuthorizationStatus status = statusOf(result.payloadJson());
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
                complete(wait, forWallbox);
            }
            return;
        }
        int backendId = journal.backendTransactionId(entry.localTx()).orElse(-1);
        journal.done(entry.seq()); // before the wallbox hears of it: the queue is what counts
        if (entry.action().equals(TransactionJournal.STOP)) {
            LOG.info("chargeBox={} connector={} StopTransaction of transactionId={} delivered", name, entry.connectorId(),
                    backendId);
            if (wait != null) {
                complete(wait, new RawConfirmation(result.payloadJson()));
            }
        }
    }

    /** A queued message that will not reach the backend: the wallbox waiting for it is answered now. */
    private void answerLocally(long seq) {
        Waiting wait = waitingForDelivery.remove(seq);
        if (wait != null) {
            complete(wait, null);
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
            answerLocally(entry.seq());
            return;
        }
        int interval = keys.getInt(ConfigurationKeys.TRANSACTION_MESSAGE_RETRY_INTERVAL);
        deliveryRetryAt = clock.instant().plusSeconds((long) interval * tried);
        LOG.info("chargeBox={} {} of local-{} refused by the backend ({}), again in {} s", name, entry.action(),
                entry.localTx(), cause.getMessage(), (long) interval * tried);
    }

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
        Action action = request.action();
        if (!PASSED_TO_WALLBOX.contains(action) || payloadJson == null) {
            return RpcError.of("", RpcErrorCode.NOT_SUPPORTED, action.wireName() + " is not passed to the wallbox");
        }
        String payload = payloadJson;
        if (action == Action.CHANGE_CONFIGURATION) {
            String key = object(payload).get("key").getAsString();
            if (PROTECTED_KEYS.contains(key.toLowerCase(java.util.Locale.ROOT))) {
                LOG.info("chargeBox={} the backend may not change {} of the wallbox: Rejected", name, key);
                return new RawConfirmation("{\"status\":\"Rejected\"}");
            }
        }
        if (action == Action.REMOTE_STOP_TRANSACTION) {
            int backendId = object(payload).get("transactionId").getAsInt();
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
                    settings.passThroughChargeBoxId());
            return RpcError.of("", RpcErrorCode.GENERIC_ERROR, "the wallbox is not connected");
        }
        LOG.info("chargeBox={} {} from the backend passed to the wallbox {}", name, action.wireName(),
                settings.passThroughChargeBoxId());
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

    @Override
    public void afterAnswer() {
        // nothing waits for the answer to go out
    }

    // ---------------------------------------------------------------- helpers

    private Optional<TransactionJournal.OpenTransaction> runningTransaction(int connectorId) {
        return journal.openTransactions().stream().filter(tx -> tx.connectorId() == connectorId).findFirst();
    }

    private static JsonObject object(String json) {
        return JsonParser.parseString(json).getAsJsonObject();
    }

    private static AuthorizationStatus statusOf(String confirmationJson) {
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
