package org.chargingmanager.ocpp.gateway.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.evse.ChargingCap;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.ocpp.RpcCallException;
import org.chargingmanager.ocpp.RpcError;
import org.chargingmanager.ocpp.RpcErrorCode;
import org.chargingmanager.ocpp.v16.Action;
import org.chargingmanager.ocpp.v16.AuthorizationStatus;
import org.chargingmanager.ocpp.v16.AuthorizeConfirmation;
import org.chargingmanager.ocpp.v16.AuthorizeRequest;
import org.chargingmanager.ocpp.v16.AvailabilityStatus;
import org.chargingmanager.ocpp.v16.AvailabilityType;
import org.chargingmanager.ocpp.v16.BootNotificationConfirmation;
import org.chargingmanager.ocpp.v16.BootNotificationRequest;
import org.chargingmanager.ocpp.v16.ChangeAvailabilityConfirmation;
import org.chargingmanager.ocpp.v16.ChangeAvailabilityRequest;
import org.chargingmanager.ocpp.v16.ChangeConfigurationConfirmation;
import org.chargingmanager.ocpp.v16.ChangeConfigurationRequest;
import org.chargingmanager.ocpp.v16.ChargePointErrorCode;
import org.chargingmanager.ocpp.v16.ChargePointStatus;
import org.chargingmanager.ocpp.v16.ChargingProfile;
import org.chargingmanager.ocpp.v16.ChargingProfilePurpose;
import org.chargingmanager.ocpp.v16.ChargingProfileStatus;
import org.chargingmanager.ocpp.v16.ChargingRateUnit;
import org.chargingmanager.ocpp.v16.ClearCacheConfirmation;
import org.chargingmanager.ocpp.v16.ClearCacheStatus;
import org.chargingmanager.ocpp.v16.ClearChargingProfileConfirmation;
import org.chargingmanager.ocpp.v16.ClearChargingProfileRequest;
import org.chargingmanager.ocpp.v16.ClearChargingProfileStatus;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.DataTransferConfirmation;
import org.chargingmanager.ocpp.v16.DataTransferStatus;
import org.chargingmanager.ocpp.v16.GetCompositeScheduleConfirmation;
import org.chargingmanager.ocpp.v16.GetCompositeScheduleRequest;
import org.chargingmanager.ocpp.v16.GetCompositeScheduleStatus;
import org.chargingmanager.ocpp.v16.GetConfigurationConfirmation;
import org.chargingmanager.ocpp.v16.GetConfigurationRequest;
import org.chargingmanager.ocpp.v16.HeartbeatRequest;
import org.chargingmanager.ocpp.v16.IdTagInfo;
import org.chargingmanager.ocpp.v16.KeyValue;
import org.chargingmanager.ocpp.v16.Location;
import org.chargingmanager.ocpp.v16.Measurand;
import org.chargingmanager.ocpp.v16.MeterValue;
import org.chargingmanager.ocpp.v16.MeterValuesRequest;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.chargingmanager.ocpp.v16.Phase;
import org.chargingmanager.ocpp.v16.ReadingContext;
import org.chargingmanager.ocpp.v16.Reason;
import org.chargingmanager.ocpp.v16.RegistrationStatus;
import org.chargingmanager.ocpp.v16.RemoteStartStopStatus;
import org.chargingmanager.ocpp.v16.RemoteStartTransactionConfirmation;
import org.chargingmanager.ocpp.v16.RemoteStartTransactionRequest;
import org.chargingmanager.ocpp.v16.RemoteStopTransactionConfirmation;
import org.chargingmanager.ocpp.v16.RemoteStopTransactionRequest;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.ResetConfirmation;
import org.chargingmanager.ocpp.v16.ResetRequest;
import org.chargingmanager.ocpp.v16.ResetStatus;
import org.chargingmanager.ocpp.v16.ResetType;
import org.chargingmanager.ocpp.v16.SampledValue;
import org.chargingmanager.ocpp.v16.SetChargingProfileConfirmation;
import org.chargingmanager.ocpp.v16.SetChargingProfileRequest;
import org.chargingmanager.ocpp.v16.StartTransactionConfirmation;
import org.chargingmanager.ocpp.v16.StartTransactionRequest;
import org.chargingmanager.ocpp.v16.StatusNotificationRequest;
import org.chargingmanager.ocpp.v16.StopTransactionRequest;
import org.chargingmanager.ocpp.v16.TriggerMessageConfirmation;
import org.chargingmanager.ocpp.v16.TriggerMessageRequest;
import org.chargingmanager.ocpp.v16.TriggerMessageStatus;
import org.chargingmanager.ocpp.v16.UnitOfMeasure;
import org.chargingmanager.ocpp.v16.UnlockConnectorConfirmation;
import org.chargingmanager.ocpp.v16.UnlockStatus;
import org.chargingmanager.ocpp.v16.ValueFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charge point the backend sees for non-OCPP charging points: connector n is the n-th
 * configured EVSE. Boot, status from the EVSE's state, Authorize, transactions with Wh readings
 * through the persistent {@link TransactionJournal}, MeterValues, Heartbeat, and the backend's
 * CALLs (configuration, remote start/stop, availability, triggers, reset, smart charging).
 *
 * <p>Runs on the gateway's single thread only ({@link #tick}, {@link #handle}, the futures of
 * its CALLs); the {@link ChargingCap}s it hands out read volatile values.
 */
final class VirtualChargePoint implements UpstreamChargePoint {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualChargePoint.class);
    private static final Duration BOOT_RETRY = Duration.ofSeconds(60);
    /**
     * A transaction ends on "no car" only when seen this many steps in a row: a driver that has just
     * registered (after a restart) may report its first snapshot before it knows the car.
     */
    static final int DISCONNECTED_STEPS_TO_STOP = 3;

    /** What the charge point needs of its connection. */
    interface Upstream {
        /** Sends a CALL now (if connected); fails with RpcCallException Offline otherwise. */
        CompletableFuture<Confirmation> call(Request request);

        /** Closes the connection and connects again at once (after a Reset). */
        void reconnect(String reason);

        /** Sends a CALL with this payload exactly as given (pass-through); fails like {@link #call}. */
        CompletableFuture<org.chargingmanager.ocpp.v16.RawResult> callRaw(org.chargingmanager.ocpp.v16.Action action,
                String payloadJson);
    }

    /** A transaction on a connector: local number in the journal, the backend's ID once known. */
    private static final class Transaction {
        final long localTx;
        final String idTag;
        final Instant startedAt;
        final int meterStartWattHours;
        boolean deauthorized;
        int disconnectedSteps;

        Transaction(long localTx, String idTag, Instant startedAt, int meterStartWattHours) {
            this.localTx = localTx;
            this.idTag = idTag;
            this.startedAt = startedAt;
            this.meterStartWattHours = meterStartWattHours;
        }
    }

    private final class Connector implements ChargingCap {
        final int id;
        final String evseId;
        Transaction transaction;
        ChargePointStatus sentStatus;
        boolean statusDue = true;
        boolean inoperative;
        boolean inoperativeScheduled;
        boolean afterTransaction;
        String remoteIdTag;
        Instant remoteIdTagUntil;
        ChargingProfile remoteProfile;
        boolean authorizing;
        String refusedTag;
        /** The tag of the session that ended while the car stayed: no new session with it before the car leaves. */
        String finishedTag;
        boolean remoteStopRequested;
        Instant lastSampleAt;
        double lastEnergyWattHours = -1;
        volatile int capMilliamps = 0;
        volatile ChargePointStatus visibleStatus = ChargePointStatus.UNAVAILABLE;
        volatile Integer visibleTransactionId;

        Connector(int id, String evseId) {
            this.id = id;
            this.evseId = evseId;
        }

        @Override
        public String evseId() {
            return evseId;
        }

        @Override
        public OptionalInt maxCurrentMilliamps(Instant now) {
            int cap = capMilliamps;
            return cap < 0 ? OptionalInt.empty() : OptionalInt.of(cap);
        }

        @Override
        public String source() {
            return "OCPP backend " + settings.chargeBoxId();
        }
    }

    /** What the operator view shows of a connector. */
    record ConnectorView(int connectorId, String evseId, String status, Integer transactionId, Integer capMilliamps) {
    }

    private final GatewaySettings settings;
    private final ConfigurationKeys keys;
    private final TransactionJournal journal;
    private final Function<String, Evse> evses;
    private final java.time.Clock clock;
    private final Ocpp16JsonCodec codec;
    private final Upstream upstream;
    private final ChargingProfiles profiles = new ChargingProfiles();
    private final java.nio.file.Path profilesFile;
    private final List<Connector> connectors = new ArrayList<>();
    private final OfflineAuthorizer authorizer;
    private final LocalAuthList localList;
    private final Map<Long, Integer> attempts = new HashMap<>();
    private final List<Runnable> afterAnswer = new ArrayList<>();
    private boolean connected;
    private volatile boolean booted;
    private boolean bootInFlight;
    private Instant nextBootAt = Instant.MIN;
    private Instant lastCallAt = Instant.MIN;
    private boolean deliveryInFlight;
    private Instant deliveryRetryAt = Instant.MIN;

    /**
     * @param profilesFile where the backend's charging profiles are kept across restarts, or null
     */
    VirtualChargePoint(GatewaySettings settings, ConfigurationKeys keys, TransactionJournal journal,
            Function<String, Evse> evses, java.time.Clock clock, Ocpp16JsonCodec codec, Upstream upstream,
            java.nio.file.Path profilesFile, LocalAuthList localList) {
        this.settings = settings;
        this.localList = localList;
        this.authorizer = new OfflineAuthorizer(settings.offlineAuthorization(), localList, settings.idTag());
        this.profilesFile = profilesFile;
        this.keys = keys;
        this.journal = journal;
        this.evses = evses;
        this.clock = clock;
        this.codec = codec;
        this.upstream = upstream;
        for (int i = 0; i < settings.evseIds().size(); i++) {
            connectors.add(new Connector(i + 1, settings.evseIds().get(i)));
        }
        loadProfiles();
        for (TransactionJournal.OpenTransaction open : journal.openTransactions()) {
            if (open.connectorId() >= 1 && open.connectorId() <= connectors.size()) {
                Connector connector = connectors.get(open.connectorId() - 1);
                connector.transaction = new Transaction(open.localTx(), open.idTag(), open.startedAt(),
                        open.meterStartWattHours());
                connector.lastSampleAt = clock.instant();
                LOG.info("chargeBox={} connector={} transaction {} continues after the restart", settings.chargeBoxId(),
                        connector.id, transactionName(connector.transaction));
            }
        }
    }

    private void loadProfiles() {
        if (profilesFile == null || !java.nio.file.Files.exists(profilesFile)) {
            return;
        }
        try {
            int skipped = profiles.load(java.nio.file.Files.readString(profilesFile),
                    Ocpp16JsonCodec.forRole(org.chargingmanager.ocpp.v16.Role.CENTRAL_SYSTEM));
            LOG.info("chargeBox={} {} charging profile(s) of the backend restored{}", settings.chargeBoxId(),
                    profiles.size(), skipped == 0 ? "" : ", " + skipped + " unreadable skipped");
        } catch (java.io.IOException e) {
            LOG.warn("chargeBox={} cannot read {}: {}", settings.chargeBoxId(), profilesFile, e.toString());
        }
    }

    private void saveProfiles() {
        if (profilesFile == null) {
            return;
        }
        try {
            java.nio.file.Path temporary = profilesFile.resolveSibling(profilesFile.getFileName() + ".tmp");
            java.nio.file.Files.writeString(temporary, profiles.save(codec));
            java.nio.file.Files.move(temporary, profilesFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.io.IOException e) {
            LOG.warn("chargeBox={} cannot write {}: {}", settings.chargeBoxId(), profilesFile, e.toString());
        }
    }

    /** The caps for the load manager, one per connector. */
    @Override
    public List<ChargingCap> caps() {
        return List.copyOf(connectors);
    }

    @Override
    public boolean booted() {
        return booted;
    }

    @Override
    public List<ConnectorView> view() {
        return connectors.stream().map(c -> new ConnectorView(c.id, c.evseId, c.visibleStatus.wireValue(),
                c.visibleTransactionId, c.capMilliamps < 0 ? null : c.capMilliamps)).toList();
    }

    // ---------------------------------------------------------------- connection

    @Override
    public void connected() {
        connected = true;
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
        connectors.forEach(c -> c.authorizing = false);
    }

    private void sendBoot(Instant now) {
        bootInFlight = true;
        DeviceIdentity identity = identity();
        BootNotificationRequest boot = new BootNotificationRequest(
                cut(first(settings.chargePointVendor(), identity.vendor(), "Charging Manager"), 20),
                cut(first(settings.chargePointModel(), identity.model(), "Virtual charge point"), 20),
                emptyToNull(cut(first(settings.chargePointSerialNumber(), identity.serialNumber(), ""), 25)), null,
                emptyToNull(cut(identity.firmwareVersion(), 50)), null, null, null, null);
        call(boot, now).whenComplete((confirmation, failure) -> {
            bootInFlight = false;
            if (failure != null) {
                nextBootAt = clock.instant().plusSeconds(10);
                return;
            }
            BootNotificationConfirmation answer = (BootNotificationConfirmation) confirmation;
            if (answer.status() == RegistrationStatus.ACCEPTED) {
                if (answer.interval() > 0) {
                    keys.change(ConfigurationKeys.HEARTBEAT_INTERVAL, Integer.toString(answer.interval()));
                }
                booted = true;
                LOG.info("chargeBox={} accepted by the backend (heartbeat every {} s)", settings.chargeBoxId(),
                        keys.get(ConfigurationKeys.HEARTBEAT_INTERVAL));
                sendStatus(0, ChargePointStatus.AVAILABLE, clock.instant());
                connectors.forEach(c -> c.statusDue = true);
                deliveryRetryAt = Instant.MIN;
            } else {
                Duration retry = answer.interval() > 0 ? Duration.ofSeconds(answer.interval()) : BOOT_RETRY;
                nextBootAt = clock.instant().plus(retry);
                LOG.info("chargeBox={} BootNotification answered {}; again in {} s", settings.chargeBoxId(),
                        answer.status().wireValue(), retry.toSeconds());
            }
        });
    }

    private DeviceIdentity identity() {
        for (Connector connector : connectors) {
            Evse evse = evses.apply(connector.evseId);
            if (evse != null) {
                return evse.info().identity();
            }
        }
        return DeviceIdentity.UNKNOWN;
    }

    private CompletableFuture<Confirmation> call(Request request, Instant now) {
        lastCallAt = now;
        LOG.debug("chargeBox={} -> {}", settings.chargeBoxId(), request.action().wireName());
        return upstream.call(request);
    }

    // ---------------------------------------------------------------- the periodic work

    /** Called about every second (and after every frame) on the gateway's thread. */
    @Override
    public void tick(Instant now) {
        if (connected && !booted && !bootInFlight && !now.isBefore(nextBootAt)) {
            sendBoot(now);
        }
        for (Connector connector : connectors) {
            update(connector, now);
        }
        if (booted) {
            int heartbeat = keys.getInt(ConfigurationKeys.HEARTBEAT_INTERVAL);
            if (heartbeat > 0 && !now.isBefore(lastCallAt.plusSeconds(heartbeat))) {
                call(new HeartbeatRequest(), now);
            }
            deliver(now);
        }
    }

    private void update(Connector connector, Instant now) {
        Evse evse = evses.apply(connector.evseId);
        EvseSnapshot snapshot = evse == null ? null : evse.snapshot();
        boolean stale = snapshot == null || snapshot.stale(now);
        if (snapshot != null && !stale) {
            connector.lastEnergyWattHours = Math.max(connector.lastEnergyWattHours, snapshot.energyWattHours());
        }
        boolean vehicle = !stale && snapshot.state().vehicleConnected();
        if (connector.remoteIdTag != null && now.isAfter(connector.remoteIdTagUntil) && connector.transaction == null) {
            LOG.info("chargeBox={} connector={} remote start expired: no car connected within {} s",
                    settings.chargeBoxId(), connector.id, keys.get(ConfigurationKeys.CONNECTION_TIME_OUT));
            connector.remoteIdTag = null;
            connector.remoteProfile = null;
        }
        if (connector.transaction != null) {
            connector.transaction.disconnectedSteps = evse != null && !stale && !vehicle
                    ? connector.transaction.disconnectedSteps + 1 : 0;
            if (connector.transaction.disconnectedSteps >= DISCONNECTED_STEPS_TO_STOP) {
                stop(connector, Reason.EV_DISCONNECTED, now);
            } else if (connector.remoteStopRequested) {
                stop(connector, Reason.REMOTE, now);
            } else if (connector.transaction.deauthorized
                    && keys.getBoolean(ConfigurationKeys.STOP_TRANSACTION_ON_INVALID_ID)) {
                stop(connector, Reason.DE_AUTHORIZED, now);
            } else if (!stale) {
                sampleIfDue(connector, evse.info(), snapshot, now);
            }
        } else {
            connector.remoteStopRequested = false;
            if (!vehicle && !stale) {
                connector.refusedTag = null;
                connector.finishedTag = null;
                connector.afterTransaction = false;
            }
            if (vehicle && !connector.inoperative) {
                tryStart(connector, evse.info(), snapshot, now);
            }
        }
        ChargePointStatus status = ConnectorStatus.of(snapshot, stale, connector.inoperative,
                connector.transaction != null, connector.afterTransaction);
        connector.visibleStatus = status;
        connector.visibleTransactionId = connector.transaction == null ? null
                : boxed(journal.backendTransactionId(connector.transaction.localTx));
        if (booted && (connector.statusDue || status != connector.sentStatus)) {
            sendStatus(connector.id, status, now);
            connector.sentStatus = status;
            connector.statusDue = false;
        }
        connector.capMilliamps = cap(connector, evse == null ? null : evse.info(), now);
    }

    private int cap(Connector connector, EvseInfo info, Instant now) {
        Transaction transaction = connector.transaction;
        if (transaction == null || transaction.deauthorized || (connector.inoperative && transaction == null)) {
            return 0;
        }
        OptionalDouble amps = profiles.limitAmps(connector.id, now, transaction.startedAt,
                info == null ? 3 : info.phases());
        if (amps.isEmpty()) {
            return -1;
        }
        return (int) Math.floor(amps.getAsDouble() * 1000);
    }

    private void sendStatus(int connectorId, ChargePointStatus status, Instant now) {
        ChargePointErrorCode error = status == ChargePointStatus.FAULTED ? ChargePointErrorCode.OTHER_ERROR
                : ChargePointErrorCode.NO_ERROR;
        call(new StatusNotificationRequest(connectorId, error, null, status, now, null, null), now);
        if (connectorId > 0) {
            LOG.debug("chargeBox={} connector={} status {}", settings.chargeBoxId(), connectorId, status.wireValue());
        }
    }

    private void tryStart(Connector connector, EvseInfo info, EvseSnapshot snapshot, Instant now) {
        boolean remote = false;
        String tag = snapshot.idTag();
        if (tag == null || tag.isBlank()) {
            tag = connector.remoteIdTag;
            remote = tag != null;
        }
        if (tag == null && !settings.idTag().isEmpty()) {
            tag = settings.idTag();
        }
        if (tag == null || tag.equals(connector.refusedTag) || connector.authorizing
                || (!remote && tag.equals(connector.finishedTag))) {
            return;
        }
        tag = cut(tag, 20);
        if (remote && !keys.getBoolean(ConfigurationKeys.AUTHORIZE_REMOTE_TX_REQUESTS)) {
            start(connector, tag, snapshot, now);
            return;
        }
        if (booted) {
            connector.authorizing = true;
            String asked = tag;
            call(new AuthorizeRequest(tag), now).whenComplete((confirmation, failure) -> {
                connector.authorizing = false;
                if (failure != null) {
                    return; // offline or no answer: tried again next second (then by the offline policy)
                }
                IdTagInfo info2 = ((AuthorizeConfirmation) confirmation).idTagInfo();
                if (info2.status() == AuthorizationStatus.ACCEPTED) {
                    authorizer.backendSaid(asked, AuthorizationStatus.ACCEPTED);
                    Evse evse = evses.apply(connector.evseId);
                    EvseSnapshot latest = evse == null ? null : evse.snapshot();
                    if (connector.transaction == null && !connector.inoperative && latest != null
                            && latest.state().vehicleConnected()) {
                        start(connector, asked, latest, clock.instant());
                    }
                } else {
                    authorizer.backendSaid(asked, info2.status());
                    connector.refusedTag = asked;
                    LOG.info("chargeBox={} connector={} the backend refused the tag: {}", settings.chargeBoxId(),
                            connector.id, info2.status().wireValue());
                }
            });
            return;
        }
        boolean offlineAllowed = authorizer.decide(tag, remote, now) == AuthorizationStatus.ACCEPTED;
        if (offlineAllowed && keys.getBoolean(ConfigurationKeys.LOCAL_AUTHORIZE_OFFLINE)) {
            start(connector, tag, snapshot, now);
        }
    }

    private void start(Connector connector, String tag, EvseSnapshot snapshot, Instant now) {
        int meterStart = (int) Math.round(Math.max(0, snapshot.energyWattHours()));
        long localTx = journal.startTransaction(connector.id, tag, meterStart, now, local -> codec.encodePayload(
                new StartTransactionRequest(connector.id, tag, meterStart, null, now)));
        connector.transaction = new Transaction(localTx, tag, now, meterStart);
        connector.remoteIdTag = null;
        connector.lastSampleAt = now;
        connector.afterTransaction = false;
        LOG.info("chargeBox={} connector={} transaction local-{} started at {} Wh{}", settings.chargeBoxId(),
                connector.id, localTx, meterStart, booted ? "" : " (backend offline: queued)");
        if (booted) {
            deliver(now);
        }
    }

    private void stop(Connector connector, Reason reason, Instant now) {
        Transaction transaction = connector.transaction;
        // a meter that restarted at 0 (a simulator, a replaced meter) never makes the session negative
        int meterStop = (int) Math.max(transaction.meterStartWattHours, Math.round(connector.lastEnergyWattHours));
        String payload = codec.encodePayload(new StopTransactionRequest(transaction.idTag, meterStop, now, 0, reason,
                List.of()));
        journal.stopTransaction(transaction.localTx, connector.id, payload, now);
        LOG.info("chargeBox={} connector={} transaction {} stopped at {} Wh ({})", settings.chargeBoxId(),
                connector.id, transactionName(transaction), meterStop, reason.wireValue());
        connector.transaction = null;
        connector.remoteStopRequested = false;
        connector.afterTransaction = true;
        connector.finishedTag = transaction.idTag;
        profiles.transactionEnded(connector.id);
        saveProfiles();
        if (connector.inoperativeScheduled) {
            connector.inoperative = true;
            connector.inoperativeScheduled = false;
        }
        if (booted) {
            deliver(now);
        }
    }

    private String transactionName(Transaction transaction) {
        OptionalInt backend = journal.backendTransactionId(transaction.localTx);
        return backend.isPresent() ? "transactionId=" + backend.getAsInt() : "local-" + transaction.localTx;
    }

    private void sampleIfDue(Connector connector, EvseInfo info, EvseSnapshot snapshot, Instant now) {
        int interval = keys.getInt(ConfigurationKeys.METER_VALUE_SAMPLE_INTERVAL);
        if (interval <= 0 || (connector.lastSampleAt != null
                && now.isBefore(connector.lastSampleAt.plusSeconds(interval)))) {
            return;
        }
        connector.lastSampleAt = now;
        MeterValue value = meterValue(info, snapshot, now, ReadingContext.SAMPLE_PERIODIC);
        if (value == null) {
            return;
        }
        journal.addMeterValues(connector.transaction.localTx, connector.id,
                codec.encodePayload(new MeterValuesRequest(connector.id, 0, List.of(value))), now);
    }

    /** The configured measurands from a snapshot; Voltage only where it follows from power and currents. */
    MeterValue meterValue(EvseInfo info, EvseSnapshot snapshot, Instant now, ReadingContext context) {
        List<SampledValue> values = new ArrayList<>();
        int phases = info.phases();
        double totalAmps = (snapshot.currents().l1Milliamps() + snapshot.currents().l2Milliamps()
                + snapshot.currents().l3Milliamps()) / 1000.0;
        for (Measurand measurand : keys.sampledMeasurands()) {
            switch (measurand) {
                case ENERGY_ACTIVE_IMPORT_REGISTER -> values.add(sample(
                        Long.toString(Math.round(snapshot.energyWattHours())), context, measurand, null,
                        UnitOfMeasure.WATT_HOURS));
                case POWER_ACTIVE_IMPORT -> values.add(sample(decimal(snapshot.powerWatts()), context, measurand,
                        null, UnitOfMeasure.WATTS));
                case CURRENT_IMPORT -> {
                    for (int phase = 1; phase <= phases; phase++) {
                        values.add(sample(decimal(snapshot.currents().get(phase) / 1000.0), context, measurand,
                                phase(phase, false), UnitOfMeasure.AMPERES));
                    }
                }
                case VOLTAGE -> {
                    if (totalAmps > 0.5 && snapshot.powerWatts() > 0) {
                        String volts = decimal(snapshot.powerWatts() / totalAmps);
                        for (int phase = 1; phase <= phases; phase++) {
                            if (snapshot.currents().get(phase) > 0) {
                                values.add(sample(volts, context, measurand, phase(phase, true), UnitOfMeasure.VOLTS));
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        return values.isEmpty() ? null : new MeterValue(now, values);
    }

    private static SampledValue sample(String value, ReadingContext context, Measurand measurand, Phase phase,
            UnitOfMeasure unit) {
        return new SampledValue(value, context, ValueFormat.RAW, measurand, phase, Location.OUTLET, unit);
    }

    private static Phase phase(int phase, boolean toNeutral) {
        return switch (phase) {
            case 1 -> toNeutral ? Phase.L1_N : Phase.L1;
            case 2 -> toNeutral ? Phase.L2_N : Phase.L2;
            default -> toNeutral ? Phase.L3_N : Phase.L3;
        };
    }

    private static String decimal(double value) {
        return java.math.BigDecimal.valueOf(Math.round(value * 10) / 10.0).stripTrailingZeros().toPlainString();
    }

    // ---------------------------------------------------------------- the persistent queue

    private void deliver(Instant now) {
        if (!booted || deliveryInFlight || now.isBefore(deliveryRetryAt)) {
            return;
        }
        var head = journal.head();
        if (head.isEmpty()) {
            return;
        }
        TransactionJournal.Entry entry = head.get();
        Request request;
        try {
            request = requestOf(entry);
        } catch (RuntimeException e) {
            LOG.error("chargeBox={} queued {} unreadable, dropped: {}", settings.chargeBoxId(), entry.action(),
                    e.toString());
            journal.done(entry.seq());
            return;
        }
        if (request == null) {
            LOG.warn("chargeBox={} {} of local-{} dropped: its StartTransaction never got a transaction ID",
                    settings.chargeBoxId(), entry.action(), entry.localTx());
            journal.done(entry.seq());
            return;
        }
        deliveryInFlight = true;
        call(request, now).whenComplete((confirmation, failure) -> {
            deliveryInFlight = false;
            if (failure == null) {
                delivered(entry, confirmation);
            } else {
                deliveryFailed(entry, failure);
            }
            deliver(clock.instant());
        });
    }

    private Request requestOf(TransactionJournal.Entry entry) {
        Action action = Action.fromWireName(entry.action()).orElseThrow();
        Request request = codec.decodeRequestPayload(action, entry.payload());
        OptionalInt backendId = journal.backendTransactionId(entry.localTx());
        if (request instanceof StopTransactionRequest stop) {
            if (backendId.isEmpty()) {
                return null;
            }
            return new StopTransactionRequest(stop.idTag(), stop.meterStop(), stop.timestamp(), backendId.getAsInt(),
                    stop.reason(), stop.transactionData());
        }
        if (request instanceof MeterValuesRequest meterValues) {
            if (backendId.isEmpty()) {
                return null;
            }
            return new MeterValuesRequest(meterValues.connectorId(), backendId.getAsInt(), meterValues.meterValue());
        }
        return request;
    }

    private void delivered(TransactionJournal.Entry entry, Confirmation confirmation) {
        attempts.remove(entry.seq());
        if (confirmation instanceof StartTransactionConfirmation started) {
            journal.mapTransaction(entry.localTx(), started.transactionId());
            Connector connector = connectorOfLocal(entry.localTx());
            boolean accepted = started.idTagInfo().status() == AuthorizationStatus.ACCEPTED;
            LOG.info("chargeBox={} connector={} transaction local-{} is transactionId={} at the backend ({})",
                    settings.chargeBoxId(), entry.connectorId(), entry.localTx(), started.transactionId(),
                    started.idTagInfo().status().wireValue());
            if (connector != null) {
                if (!accepted) {
                    connector.transaction.deauthorized = true;
                } else if (connector.remoteProfile != null) {
                    profiles.set(connector.id, connector.remoteProfile, started.transactionId(), clock.instant());
                    saveProfiles();
                }
                connector.remoteProfile = null;
            }
        } else if (entry.action().equals(TransactionJournal.STOP)) {
            LOG.info("chargeBox={} connector={} StopTransaction of transactionId={} delivered", settings.chargeBoxId(),
                    entry.connectorId(), journal.backendTransactionId(entry.localTx()).orElse(-1));
        }
        journal.done(entry.seq());
    }

    private void deliveryFailed(TransactionJournal.Entry entry, Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof RpcCallException rpc && (rpc.code().equals(RpcCallException.OFFLINE)
                || rpc.code().equals(RpcCallException.TIMEOUT) || rpc.code().equals(RpcCallException.QUEUE_FULL))) {
            deliveryRetryAt = clock.instant().plusSeconds(rpc.code().equals(RpcCallException.OFFLINE) ? 0 : 5);
            return; // sent again when the backend answers
        }
        int tried = attempts.merge(entry.seq(), 1, Integer::sum);
        int allowed = keys.getInt(ConfigurationKeys.TRANSACTION_MESSAGE_ATTEMPTS);
        if (tried >= allowed) {
            LOG.warn("chargeBox={} {} of local-{} refused {} times by the backend, given up: {}",
                    settings.chargeBoxId(), entry.action(), entry.localTx(), tried, cause.getMessage());
            attempts.remove(entry.seq());
            journal.done(entry.seq());
            return;
        }
        int interval = keys.getInt(ConfigurationKeys.TRANSACTION_MESSAGE_RETRY_INTERVAL);
        deliveryRetryAt = clock.instant().plusSeconds((long) interval * tried);
        LOG.info("chargeBox={} {} of local-{} refused by the backend ({}), again in {} s", settings.chargeBoxId(),
                entry.action(), entry.localTx(), cause.getMessage(), (long) interval * tried);
    }

    private Connector connectorOfLocal(long localTx) {
        for (Connector connector : connectors) {
            if (connector.transaction != null && connector.transaction.localTx == localTx) {
                return connector;
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- the backend's CALLs

    @Override
    public Object handle(Request request, String payloadJson) {
        return handle(request);
    }

    /** Answers a CALL of the backend: a confirmation, or an RpcError. */
    Object handle(Request request) {
        Instant now = clock.instant();
        LOG.debug("chargeBox={} <- {}", settings.chargeBoxId(), request.action().wireName());
        if (request instanceof GetConfigurationRequest get) {
            List<String> unknown = new ArrayList<>();
            List<KeyValue> known = keys.read(get.key(), unknown);
            return new GetConfigurationConfirmation(known, unknown);
        }
        if (request instanceof ChangeConfigurationRequest change) {
            var status = keys.change(change.key(), change.value());
            LOG.info("chargeBox={} the backend set {} = {}: {}", settings.chargeBoxId(), change.key(),
                    change.key().toLowerCase(java.util.Locale.ROOT).contains("key") ? "***" : change.value(),
                    status.wireValue());
            return new ChangeConfigurationConfirmation(status);
        }
        if (request instanceof RemoteStartTransactionRequest remote) {
            return remoteStart(remote, now);
        }
        if (request instanceof RemoteStopTransactionRequest remote) {
            for (Connector connector : connectors) {
                if (connector.transaction != null && journal.backendTransactionId(connector.transaction.localTx)
                        .equals(OptionalInt.of(remote.transactionId()))) {
                    connector.remoteStopRequested = true;
                    afterAnswer.add(() -> update(connector, clock.instant()));
                    return new RemoteStopTransactionConfirmation(RemoteStartStopStatus.ACCEPTED);
                }
            }
            return new RemoteStopTransactionConfirmation(RemoteStartStopStatus.REJECTED);
        }
        if (request instanceof ChangeAvailabilityRequest change) {
            return changeAvailability(change);
        }
        if (request instanceof TriggerMessageRequest trigger) {
            return trigger(trigger);
        }
        if (request instanceof ResetRequest reset) {
            afterAnswer.add(() -> {
                Reason reason = reset.type() == ResetType.HARD ? Reason.HARD_RESET : Reason.SOFT_RESET;
                for (Connector connector : connectors) {
                    if (connector.transaction != null) {
                        stop(connector, reason, clock.instant());
                    }
                }
                LOG.info("chargeBox={} {} reset asked by the backend: reconnecting", settings.chargeBoxId(),
                        reset.type().wireValue());
                upstream.reconnect(reset.type().wireValue() + " reset");
            });
            return new ResetConfirmation(ResetStatus.ACCEPTED);
        }
        if (request instanceof org.chargingmanager.ocpp.v16.UnlockConnectorRequest) {
            return new UnlockConnectorConfirmation(UnlockStatus.NOT_SUPPORTED);
        }
        if (request instanceof SetChargingProfileRequest set) {
            return setChargingProfile(set, now);
        }
        if (request instanceof ClearChargingProfileRequest clear) {
            boolean removed = profiles.clear(clear);
            saveProfiles();
            afterAnswer.add(() -> connectors.forEach(c -> update(c, clock.instant())));
            return new ClearChargingProfileConfirmation(removed ? ClearChargingProfileStatus.ACCEPTED
                    : ClearChargingProfileStatus.UNKNOWN);
        }
        if (request instanceof GetCompositeScheduleRequest get) {
            return compositeSchedule(get, now);
        }
        if (request instanceof org.chargingmanager.ocpp.v16.DataTransferRequest) {
            return new DataTransferConfirmation(DataTransferStatus.UNKNOWN_VENDOR_ID, null);
        }
        if (request instanceof org.chargingmanager.ocpp.v16.ClearCacheRequest) {
            authorizer.clearCache();
            return new ClearCacheConfirmation(ClearCacheStatus.ACCEPTED);
        }
        if (request instanceof org.chargingmanager.ocpp.v16.SendLocalListRequest send) {
            return LocalListAnswers.send(localList, keys, send, settings.chargeBoxId());
        }
        if (request instanceof org.chargingmanager.ocpp.v16.GetLocalListVersionRequest) {
            return LocalListAnswers.version(localList, keys);
        }
        return RpcError.of("", RpcErrorCode.NOT_SUPPORTED,
                request.action().wireName() + " is not supported by this charge point");
    }

    /** Runs what had to wait until the answer went out (a triggered message must follow its confirmation). */
    @Override
    public void afterAnswer() {
        List<Runnable> due = List.copyOf(afterAnswer);
        afterAnswer.clear();
        due.forEach(Runnable::run);
    }

    private Confirmation remoteStart(RemoteStartTransactionRequest remote, Instant now) {
        Connector connector = null;
        if (remote.connectorId() != null) {
            if (remote.connectorId() <= connectors.size()) {
                connector = connectors.get(remote.connectorId() - 1);
            }
        } else {
            connector = connectors.stream().filter(c -> c.transaction == null && !c.inoperative).findFirst()
                    .orElse(null);
        }
        if (connector == null || connector.transaction != null || connector.inoperative
                || (remote.chargingProfile() != null
                        && remote.chargingProfile().chargingProfilePurpose() != ChargingProfilePurpose.TX_PROFILE)) {
            return new RemoteStartTransactionConfirmation(RemoteStartStopStatus.REJECTED);
        }
        connector.remoteIdTag = remote.idTag();
        connector.finishedTag = null;
        connector.remoteIdTagUntil = now.plusSeconds(keys.getInt(ConfigurationKeys.CONNECTION_TIME_OUT));
        connector.remoteProfile = remote.chargingProfile();
        connector.refusedTag = null;
        Connector chosen = connector;
        afterAnswer.add(() -> update(chosen, clock.instant()));
        LOG.info("chargeBox={} connector={} remote start accepted", settings.chargeBoxId(), connector.id);
        return new RemoteStartTransactionConfirmation(RemoteStartStopStatus.ACCEPTED);
    }

    private Confirmation changeAvailability(ChangeAvailabilityRequest change) {
        if (change.connectorId() > connectors.size()) {
            return new ChangeAvailabilityConfirmation(AvailabilityStatus.REJECTED);
        }
        boolean inoperative = change.type() == AvailabilityType.INOPERATIVE;
        boolean scheduled = false;
        for (Connector connector : connectors) {
            if (change.connectorId() != 0 && change.connectorId() != connector.id) {
                continue;
            }
            if (inoperative && connector.transaction != null) {
                connector.inoperativeScheduled = true;
                scheduled = true;
            } else {
                connector.inoperative = inoperative;
                connector.inoperativeScheduled = false;
            }
        }
        LOG.info("chargeBox={} connector={} set {} by the backend{}", settings.chargeBoxId(), change.connectorId(),
                change.type().wireValue(), scheduled ? " (after the running transaction)" : "");
        afterAnswer.add(() -> connectors.forEach(c -> update(c, clock.instant())));
        return new ChangeAvailabilityConfirmation(scheduled ? AvailabilityStatus.SCHEDULED : AvailabilityStatus.ACCEPTED);
    }

    private Confirmation trigger(TriggerMessageRequest trigger) {
        Integer connectorId = trigger.connectorId();
        if (connectorId != null && connectorId > connectors.size()) {
            return new TriggerMessageConfirmation(TriggerMessageStatus.REJECTED);
        }
        switch (trigger.requestedMessage()) {
            case BOOT_NOTIFICATION -> afterAnswer.add(() -> sendBoot(clock.instant()));
            case HEARTBEAT -> afterAnswer.add(() -> call(new HeartbeatRequest(), clock.instant()));
            case STATUS_NOTIFICATION -> afterAnswer.add(() -> {
                if (connectorId == null || connectorId == 0) {
                    sendStatus(0, ChargePointStatus.AVAILABLE, clock.instant());
                }
                connectors.stream().filter(c -> connectorId == null || connectorId == 0 || c.id == connectorId)
                        .forEach(c -> {
                            c.statusDue = true;
                            update(c, clock.instant());
                        });
            });
            case METER_VALUES -> afterAnswer.add(() -> connectors.stream()
                    .filter(c -> connectorId == null || connectorId == 0 || c.id == connectorId)
                    .forEach(c -> triggeredMeterValues(c, clock.instant())));
            default -> {
                return new TriggerMessageConfirmation(TriggerMessageStatus.NOT_IMPLEMENTED);
            }
        }
        return new TriggerMessageConfirmation(TriggerMessageStatus.ACCEPTED);
    }

    private void triggeredMeterValues(Connector connector, Instant now) {
        Evse evse = evses.apply(connector.evseId);
        if (evse == null) {
            return;
        }
        MeterValue value = meterValue(evse.info(), evse.snapshot(), now, ReadingContext.TRIGGER);
        if (value != null) {
            Integer transactionId = connector.transaction == null ? null
                    : boxed(journal.backendTransactionId(connector.transaction.localTx));
            call(new MeterValuesRequest(connector.id, transactionId, List.of(value)), now);
        }
    }

    private Confirmation setChargingProfile(SetChargingProfileRequest set, Instant now) {
        if (set.connectorId() > connectors.size()) {
            return new SetChargingProfileConfirmation(ChargingProfileStatus.REJECTED);
        }
        Integer running = null;
        if (set.connectorId() > 0) {
            Connector connector = connectors.get(set.connectorId() - 1);
            running = connector.transaction == null ? null
                    : boxed(journal.backendTransactionId(connector.transaction.localTx));
        }
        ChargingProfileStatus status = profiles.set(set.connectorId(), set.csChargingProfiles(), running, now);
        saveProfiles();
        LOG.info("chargeBox={} connector={} {} {} from the backend: {}", settings.chargeBoxId(), set.connectorId(),
                set.csChargingProfiles().chargingProfilePurpose().wireValue(),
                set.csChargingProfiles().chargingProfileId(), status.wireValue());
        afterAnswer.add(() -> connectors.forEach(c -> update(c, clock.instant())));
        return new SetChargingProfileConfirmation(status);
    }

    private Confirmation compositeSchedule(GetCompositeScheduleRequest get, Instant now) {
        if (get.connectorId() > connectors.size()) {
            return new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.REJECTED, null, null, null);
        }
        ChargingRateUnit unit = get.chargingRateUnit() == null ? ChargingRateUnit.AMPERES : get.chargingRateUnit();
        int connectorId = get.connectorId();
        Connector connector = connectorId == 0 ? null : connectors.get(connectorId - 1);
        Evse evse = connector == null ? null : evses.apply(connector.evseId);
        int phases = evse == null ? 3 : evse.info().phases();
        double maxAmps = evse == null ? 32 : evse.info().maxCurrentMilliamps() / 1000.0;
        double nowAmps = evse == null ? maxAmps : evse.snapshot().appliedLimit().currentMilliamps() / 1000.0;
        Instant transactionStart = connector == null || connector.transaction == null ? null
                : connector.transaction.startedAt;
        var schedule = profiles.composite(connectorId, now, get.duration(), unit, transactionStart, phases, nowAmps,
                maxAmps);
        return new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.ACCEPTED, connectorId, now, schedule);
    }

    // ---------------------------------------------------------------- helpers

    private static Integer boxed(OptionalInt value) {
        return value.isPresent() ? value.getAsInt() : null;
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return "";
    }

    private static String cut(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
