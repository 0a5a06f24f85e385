package org.chargingmanager.billing.internal.sessions;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.billing.Authorizer;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.eichrecht.InternalReadingSigner;
import org.chargingmanager.api.eichrecht.SignedDataAdmission;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseDirectory;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.billing.internal.log.NotOpenTransactionLog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sessions for charging points whose driver knows no transactions (Modbus, HTTP, the simulator):
 * every second it reads each {@link Evse}'s snapshot; a car plugged in (or charging) without an
 * open session opens one, {@link EvseState#AVAILABLE} (unplugged) closes it with reason
 * {@code EVDisconnected}. An offline charging point keeps its session open: a restart of the
 * wallbox or of the charging manager does not split a session. Drivers listed as ignored
 * ({@code ocpp}) report Start/StopTransaction themselves.
 */
@Component(configurationPid = EvseSessionRecorder.PID, configurationPolicy = ConfigurationPolicy.OPTIONAL,
        service = EvseSessionRecorder.class, immediate = true)
@Designate(ocd = EvseSessionRecorderConfig.class)
public class EvseSessionRecorder {

    public static final String PID = "org.chargingmanager.billing.sessions";
    static final String STOP_REASON = "EVDisconnected";
    private static final Logger LOG = LoggerFactory.getLogger(EvseSessionRecorder.class);

    private final TransactionLog log;
    private final Authorizer authorizer;
    private final Clock clock;
    private final Set<String> ignoredDrivers;
    private final Map<Evse, String> evses = new ConcurrentHashMap<>();
    /** EVSE id to its open transaction id, or to -1 when known to have none; missing: not yet looked up. */
    private final Map<String, Long> open = new HashMap<>();
    private final Map<String, String> lastError = new HashMap<>();
    private final ScheduledExecutorService executor;
    private EvseDirectory.Subscription evseSubscription;

    @Activate
    public EvseSessionRecorder(@Reference(target = NotOpenTransactionLog.REAL_LOG_ONLY) TransactionLog log,
            @Reference Authorizer authorizer,
            @Reference EvseDirectory evseDirectory, EvseSessionRecorderConfig config) {
        this(log, authorizer, Clock.systemDefaultZone(), Set.of(config.ignoredDrivers()), config.enabled()
                ? Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "chargingmanager-sessions");
                    thread.setDaemon(true);
                    return thread;
                }) : null);
        evseSubscription = evseDirectory.subscribe(new EvseDirectory.Listener() {
            @Override
            public void added(Evse evse, String driver) {
                addEvse(evse, driver);
            }

            @Override
            public void removed(Evse evse) {
                removeEvse(evse);
            }
        });
        if (executor != null) {
            executor.scheduleWithFixedDelay(this::pollSafely, config.pollMillis(), Math.max(100, config.pollMillis()),
                    TimeUnit.MILLISECONDS);
        }
    }

    EvseSessionRecorder(TransactionLog log, Authorizer authorizer, Clock clock, Set<String> ignoredDrivers,
            ScheduledExecutorService executor) {
        this.log = log;
        this.authorizer = authorizer;
        this.clock = clock;
        this.ignoredDrivers = Set.copyOf(ignoredDrivers);
        this.executor = executor;
    }

    /** Charging points with "sign and store internal meter readings" on: one service each. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<InternalReadingSigner> signers = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TrustedKeys trustedKeys;

    void addSigner(InternalReadingSigner signer) {
        signers.add(signer);
    }

    /** @param driver the service's driver property; empty: ask the charging point */
    void addEvse(Evse evse, String driver) {
        evses.put(evse, driver);
    }

    void removeEvse(Evse evse) {
        String driver = evses.remove(evse);
        if (driver != null) {
            forget(evse);
        }
    }

    /** The charging point went away: look its open session up again when it comes back. */
    private synchronized void forget(Evse evse) {
        try {
            open.remove(evse.info().id());
        } catch (RuntimeException gone) {
            open.clear();
        }
    }

    @Deactivate
    void deactivate() {
        if (evseSubscription != null) {
            evseSubscription.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.error("Session recorder: unexpected error", e);
        }
    }

    /** One round over every charging point. */
    synchronized void poll() {
        for (Map.Entry<Evse, String> entry : evses.entrySet()) {
            Evse evse = entry.getKey();
            String driver = entry.getValue().isEmpty() ? evse.info().driver() : entry.getValue();
            if (ignoredDrivers.contains(driver) || evse.info().capabilities().recordsOwnSessions()) {
                continue;
            }
            String evseId = evse.info().id();
            try {
                EvseSnapshot snapshot = evse.snapshot();
                if (snapshot == null || snapshot.state() == null || snapshot.state() == EvseState.OFFLINE) {
                    continue;
                }
                boolean pluggedIn = snapshot.state().vehicleConnected();
                boolean unplugged = snapshot.state() == EvseState.AVAILABLE;
                if (!pluggedIn && !unplugged) {
                    continue;
                }
                long openId = openTransaction(evseId);
                if (pluggedIn && openId < 0) {
                    start(evse, snapshot);
                } else if (unplugged && openId >= 0) {
                    Transaction stopped = log.stop(openId,
                            new TransactionStop(OffsetDateTime.now(clock), wattHours(snapshot), STOP_REASON));
                    open.put(evseId, -1L);
                    signInternally(stopped, false);
                    LOG.info("Session at EVSE {} ended: car unplugged, transaction {} closed with {} Wh", evseId,
                            openId, stopped.energyWattHours());
                }
                lastError.remove(evseId);
            } catch (TransactionLogException | RuntimeException e) {
                open.remove(evseId);
                String message = String.valueOf(e.getMessage());
                if (!message.equals(lastError.put(evseId, message))) {
                    LOG.error("Session at EVSE {}: cannot record: {}", evseId, message);
                }
            }
        }
    }

    private void start(Evse evse, EvseSnapshot snapshot) throws TransactionLogException {
        String evseId = evse.info().id();
        String idTag = snapshot.idTag() == null || snapshot.idTag().isBlank() ? null : snapshot.idTag();
        String userId = idTag == null ? null : authorizer.authorize(idTag, evseId).userId();
        Transaction started = log.start(new TransactionStart(evseId, null, evse.info().connectorId(), userId, idTag,
                OffsetDateTime.now(clock), wattHours(snapshot)));
        open.put(evseId, started.id());
        LOG.info("Session at EVSE {} began: car {}, transaction {} opened", evseId, snapshot.state(), started.id());
        signInternally(started, true);
    }

    /**
     * With "sign and store internal meter readings" on, signs the begin or end reading as a
     * calibration-law wallbox would, checks it like any signed data that arrives, and attaches it.
     */
    private void signInternally(Transaction transaction, boolean begin) throws TransactionLogException {
        for (InternalReadingSigner signer : signers) {
            if (!signer.evseId().equals(transaction.evseId())) {
                continue;
            }
            String context = begin ? "Transaction.Begin" : "Transaction.End";
            String data = begin ? signer.signTransactionBegin(transaction) : signer.signTransactionEnd(transaction);
            TrustedKeys keys = trustedKeys;
            SignedDataAdmission admission = keys == null ? null : keys.admit(transaction.evseId(), data);
            if (admission != null && !admission.accepted()) {
                LOG.warn("EVSE {} transaction {}: internally signed {} reading rejected: {}", transaction.evseId(),
                        transaction.id(), context, admission.result().reason());
                continue;
            }
            VerificationStatus status = admission == null ? VerificationStatus.NOT_VERIFIABLE
                    : admission.result().status();
            String reason = admission == null ? "no trusted key store" : admission.result().reason();
            log.attachSignedMeterValue(transaction.id(), new SignedMeterValue(data, context, clock.instant(), status,
                    reason));
            LOG.info("EVSE {} transaction {}: internally signed {} reading attached ({})", transaction.evseId(),
                    transaction.id(), context, status);
        }
    }

    private long openTransaction(String evseId) throws TransactionLogException {
        Long known = open.get(evseId);
        if (known != null) {
            return known;
        }
        Optional<Transaction> found = log.findOpen(evseId);
        long id = found.map(Transaction::id).orElse(-1L);
        open.put(evseId, id);
        return id;
    }

    private static long wattHours(EvseSnapshot snapshot) {
        double energy = snapshot.energyWattHours();
        return Double.isFinite(energy) ? Math.round(energy) : 0;
    }
}
