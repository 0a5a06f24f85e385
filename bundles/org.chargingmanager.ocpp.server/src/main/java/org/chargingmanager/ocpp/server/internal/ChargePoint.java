package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseCapabilities;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.ocpp.server.ChargePointStatus;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.v16.BootNotificationRequest;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.RegistrationStatus;
import org.chargingmanager.ocpp.v16.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A charge box ID and everything known about it, across connections: registration, its
 * connectors as EVSEs, running transactions, smart charging state. The current connection, if
 * any, carries the messages.
 */
final class ChargePoint {

    private static final Logger LOG = LoggerFactory.getLogger(ChargePoint.class);

    private final String chargeBoxId;
    private final ChargePointRegistry registry;
    private final Map<Integer, OcppEvse> connectors = new TreeMap<>();
    /** The values of {@link #connectors}, replaced when one is added: iterated every second without a lock or a copy. */
    private volatile List<OcppEvse> evseList = List.of();
    private final Map<Integer, Runnable> unregistrations = new TreeMap<>();
    /** connector → OCPP transactionId of its running transaction. */
    final Map<Integer, Integer> transactions = new ConcurrentHashMap<>();
    final SmartCharging smartCharging;
    final Reservations reservations;
    final java.util.concurrent.atomic.AtomicBoolean setupRunning = new java.util.concurrent.atomic.AtomicBoolean();
    /** The connection that last asked for a set-up ({@link ConnectSetup#run}). */
    volatile ChargePointConnection setupWanted;
    private volatile ChargePointConnection connection;
    private volatile RegistrationStatus registration;
    private volatile BootNotificationRequest boot;
    private volatile boolean bootOnThisConnection;
    private volatile boolean bootTriggered;
    volatile String firmwareStatus = "";
    volatile String diagnosticsStatus = "";
    /** Runs once after the answer to the CALL being handled went out (e.g. CertificateSigned after SignCertificate). */
    private volatile Runnable afterThisAnswer;

    ChargePoint(String chargeBoxId, ChargePointRegistry registry, RegistrationStatus registration) {
        this.chargeBoxId = chargeBoxId;
        this.registry = registry;
        this.registration = registration;
        this.smartCharging = new SmartCharging(this, registry.settings());
        this.reservations = new Reservations(chargeBoxId);
    }

    String id() {
        return chargeBoxId;
    }

    ChargePointRegistry registry() {
        return registry;
    }

    RegistrationStatus registration() {
        return registration;
    }

    void registration(RegistrationStatus status) {
        this.registration = status;
    }

    boolean accepted() {
        return registration == RegistrationStatus.ACCEPTED;
    }

    /** The current connection, or null. */
    ChargePointConnection connection() {
        return connection;
    }

    boolean connected() {
        ChargePointConnection current = connection;
        return current != null && current.isOpen();
    }

    void connected(ChargePointConnection newConnection) {
        this.connection = newConnection;
        this.bootOnThisConnection = false;
        this.bootTriggered = false;
    }

    /** @return whether this was the current connection */
    boolean disconnected(ChargePointConnection oldConnection) {
        if (connection != oldConnection) {
            return false;
        }
        connection = null;
        Instant now = Instant.now();
        forEachEvse(evse -> evse.state(EvseState.OFFLINE, now, now));
        smartCharging.disconnected();
        return true;
    }

    void booted(BootNotificationRequest request) {
        this.boot = request;
        this.bootOnThisConnection = true;
    }

    /** Answers a CALL of the charge point: a {@link Confirmation} or an {@link org.chargingmanager.ocpp.RpcError}. */
    Object handle(Request request) {
        return registry.handler().handle(this, request);
    }

    /** Like {@link #handle(Request)}, with the payload as received (passed through to a backend, if any). */
    Object handle(Request request, String payloadJson) {
        return registry.handler().handle(this, request, payloadJson);
    }

    /** Sends CALLs to this charge point on its current connection: for a {@link org.chargingmanager.ocpp.relay.ChargePointUplink}. */
    org.chargingmanager.ocpp.relay.ChargePointLink link() {
        return link;
    }

    private final org.chargingmanager.ocpp.relay.ChargePointLink link = new org.chargingmanager.ocpp.relay.ChargePointLink() {
        @Override
        public String chargeBoxId() {
            return chargeBoxId;
        }

        @Override
        public boolean connected() {
            return ChargePoint.this.connected();
        }

        @Override
        public java.util.concurrent.CompletionStage<org.chargingmanager.ocpp.v16.RawResult> call(
                org.chargingmanager.ocpp.v16.Action action, String payloadJson) {
            ChargePointConnection current = connection;
            if (current == null) {
                return java.util.concurrent.CompletableFuture.failedFuture(new org.chargingmanager.ocpp.RpcCallException(
                        org.chargingmanager.ocpp.RpcCallException.OFFLINE, chargeBoxId + " is not connected"));
            }
            return current.callRaw(action, payloadJson);
        }
    };

    /** After the answer went out: e.g. the setup that follows an accepted BootNotification. */
    void afterAnswer(Request request, ChargePointConnection on) {
        Runnable next = afterThisAnswer;
        afterThisAnswer = null;
        if (next != null) {
            next.run();
        }
        if (request instanceof BootNotificationRequest && accepted()) {
            registry.scheduler().execute(() -> ConnectSetup.run(this, on));
        }
    }

    void afterThisAnswer(Runnable action) {
        this.afterThisAnswer = action;
    }

    /** The security profile of the open connection, or -1 while not connected. */
    int securityProfile() {
        ChargePointConnection current = connection;
        return current != null && current.isOpen() ? current.securityProfile() : -1;
    }

    CompletableFuture<Confirmation> call(Request request) {
        ChargePointConnection current = connection;
        if (current == null) {
            CompletableFuture<Confirmation> failed = new CompletableFuture<>();
            failed.completeExceptionally(new OcppCallException("Offline", chargeBoxId + " is not connected"));
            return failed;
        }
        return current.call(request);
    }

    /** Every second from the server's timer: ask for a BootNotification if none came. */
    void tick(Instant now) {
        ChargePointConnection current = connection;
        if (current != null && current.isLive()) {
            // an OCPP charger reports changes when they happen (StatusNotification) and meters only
            // every MeterValueSampleInterval: while its connection is alive (pings answered, else
            // it is taken offline) its EVSEs are current, not stale between two MeterValues
            for (OcppEvse evse : evseList) {
                evse.alive(now);
            }
        }
        if (current == null || bootOnThisConnection || bootTriggered
                || current.openedAt().plus(registry.settings().bootTriggerDelay()).isAfter(now)) {
            return;
        }
        bootTriggered = true;
        LOG.info("chargeBox={} sent no BootNotification within {} s: TriggerMessage BootNotification", chargeBoxId,
                registry.settings().bootTriggerDelay().toSeconds());
        call(new org.chargingmanager.ocpp.v16.TriggerMessageRequest(
                org.chargingmanager.ocpp.v16.MessageTrigger.BOOT_NOTIFICATION, null))
                .whenComplete((confirmation, failure) -> {
                    if (failure != null && accepted()) {
                        // it cannot be triggered: a known charger goes on without a new boot
                        LOG.info("chargeBox={} TriggerMessage BootNotification failed ({}); setting up without it",
                                chargeBoxId, failure.getMessage());
                        ConnectSetup.run(this, current);
                    }
                });
    }

    /** The EVSE of this connector, registered as a service when first seen. */
    OcppEvse evse(int connectorId) {
        return evse(connectorId, false);
    }

    /**
     * The EVSE of a connector known from the registrations stored before a restart: registered
     * without storing the registration again, and logged at DEBUG (after a restart with thousands
     * of known chargers the server logs one line with their number, see {@link ChargePointRegistry#restore}).
     */
    OcppEvse restoredEvse(int connectorId) {
        return evse(connectorId, true);
    }

    private OcppEvse evse(int connectorId, boolean restored) {
        OcppEvse evse;
        boolean created = false;
        synchronized (connectors) {
            evse = connectors.get(connectorId);
            if (evse == null) {
                ServerSettings settings = registry.settings();
                String id = OcppEvse.evseId(chargeBoxId, connectorId);
                EvseInfo info = new EvseInfo(id, chargeBoxId + " connector " + connectorId, "ocpp", chargeBoxId,
                        connectorId, settings.phases(), PhaseRotation.L1_L2_L3, 6000,
                        Math.max(6000, settings.maxCurrentMilliamps()), identity(), OCPP_CAPABILITIES);
                evse = new OcppEvse(info, smartCharging::limitRequested);
                connectors.put(connectorId, evse);
                evseList = List.copyOf(connectors.values());
                created = true;
            }
        }
        if (created) {
            unregistrations.put(connectorId, registry.evseRegistrar().register(evse));
            if (restored) {
                LOG.debug("chargeBox={} connector {} registered as EVSE {} (known before the restart)", chargeBoxId,
                        connectorId, evse.info().id());
            } else {
                registry.remember(this);
                LOG.info("chargeBox={} connector {} registered as EVSE {}", chargeBoxId, connectorId, evse.info().id());
            }
        }
        return evse;
    }

    boolean hasEvse(int connectorId) {
        synchronized (connectors) {
            return connectors.containsKey(connectorId);
        }
    }

    int connectorCount() {
        synchronized (connectors) {
            return connectors.size();
        }
    }

    List<Integer> connectorIds() {
        synchronized (connectors) {
            return new ArrayList<>(connectors.keySet());
        }
    }

    void forEachEvse(java.util.function.Consumer<OcppEvse> action) {
        for (OcppEvse evse : evseList) {
            action.accept(evse);
        }
    }

    void unregisterAll() {
        List<Runnable> all;
        synchronized (connectors) {
            all = new ArrayList<>(unregistrations.values());
            unregistrations.clear();
        }
        all.forEach(Runnable::run);
    }

    /** An OCPP 1.6 charger: 0.1 A profiles, RFID, its own transactions, signed meter values. */
    static final EvseCapabilities OCPP_CAPABILITIES = new EvseCapabilities(false, 100, true, true, true);

    /** What the BootNotification said about the wallbox, or nothing before it. */
    private DeviceIdentity identity() {
        BootNotificationRequest b = boot;
        if (b == null) {
            return DeviceIdentity.UNKNOWN;
        }
        String serial = b.chargePointSerialNumber() != null ? b.chargePointSerialNumber() : b.chargeBoxSerialNumber();
        return new DeviceIdentity(b.chargePointVendor(), b.chargePointModel(), serial, b.firmwareVersion());
    }

    ChargePointStatus status() {
        BootNotificationRequest b = boot;
        ChargePointConnection current = connection;
        return new ChargePointStatus(chargeBoxId, connected(),
                registration == null ? "Unknown" : registration.wireValue(),
                b == null ? "" : b.chargePointVendor(), b == null ? "" : b.chargePointModel(),
                b == null || b.firmwareVersion() == null ? "" : b.firmwareVersion(), connectorIds(),
                current == null ? null : current.lastReceived(), smartCharging.kindInUse(), firmwareStatus,
                diagnosticsStatus, current != null && current.isOpen() ? current.securityProfile() : null,
                registry.securityProfiles().minimum(chargeBoxId));
    }

    void limitsReapply() {
        smartCharging.reapply();
    }

    ChargingLimit desiredLimit(int connectorId) {
        return smartCharging.desired(connectorId);
    }
}
