package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import org.chargingmanager.ocpp.v16.RegistrationStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every charge point by charge box ID, and which connection is current for it. */
final class ChargePointRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ChargePointRegistry.class);

    private final ServerSettings settings;
    private final RegistrationStore registrations;
    private final SecurityProfileStore securityProfiles;
    private final EvseRegistrar evseRegistrar;
    private final ScheduledExecutorService scheduler;
    private final CentralSystemHandler handler;
    private final Backends backends;
    private final Map<String, ChargePoint> chargePoints = new ConcurrentHashMap<>();
    private final Map<String, ChargePointConnection> connections = new ConcurrentHashMap<>();
    private final SetupPacer setupPacer;
    /** When the timer last ran; a much later run means the process was stalled (GC, an overloaded machine). */
    private Instant previousTick;
    /** After a stall no charger is taken offline before this: their pongs could not have been seen. */
    private Instant noDeadBefore = Instant.MIN;
    /** The timer ran this late: a stall, not a silent charger. */
    static final java.time.Duration STALL = java.time.Duration.ofSeconds(5);
    /** The registrations file is rewritten at most this often while chargers keep coming (and on stop). */
    static final java.time.Duration SAVE_EVERY = java.time.Duration.ofSeconds(5);
    private Instant lastSave = Instant.MIN;

    ChargePointRegistry(ServerSettings settings, RegistrationStore registrations, SecurityProfileStore securityProfiles,
            EvseRegistrar evseRegistrar, ScheduledExecutorService scheduler, Backends backends) {
        this.settings = settings;
        this.registrations = registrations;
        this.securityProfiles = securityProfiles;
        this.evseRegistrar = evseRegistrar;
        this.scheduler = scheduler;
        this.handler = new CentralSystemHandler(settings, backends);
        this.backends = backends;
        this.setupPacer = new SetupPacer(SetupPacer.DEFAULT_MAX_RUNNING, scheduler);
    }

    /** Spreads the connect-time CALLs of charge points that boot together. */
    SetupPacer setupPacer() {
        return setupPacer;
    }

    Backends backends() {
        return backends;
    }

    /**
     * Known accepted charge points get their EVSEs (OFFLINE until they connect).
     *
     * @return how many charge points were restored
     */
    int restore() {
        int count = 0;
        for (Map.Entry<String, RegistrationStore.Entry> known : registrations.all().entrySet()) {
            if (known.getValue().status() == RegistrationStatus.ACCEPTED) {
                ChargePoint chargePoint = chargePoint(known.getKey());
                for (int connector = 1; connector <= known.getValue().connectors(); connector++) {
                    chargePoint.restoredEvse(connector);
                }
                count++;
            }
        }
        return count;
    }

    ServerSettings settings() {
        return settings;
    }

    SecurityProfileStore securityProfiles() {
        return securityProfiles;
    }

    EvseRegistrar evseRegistrar() {
        return evseRegistrar;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    CentralSystemHandler handler() {
        return handler;
    }

    ChargePoint chargePoint(String chargeBoxId) {
        return chargePoints.computeIfAbsent(chargeBoxId, id -> new ChargePoint(id, this,
                registrations.find(id).map(RegistrationStore.Entry::status).orElse(null)));
    }

    Optional<ChargePoint> find(String chargeBoxId) {
        return Optional.ofNullable(chargePoints.get(chargeBoxId));
    }

    List<ChargePoint> all() {
        return new ArrayList<>(chargePoints.values());
    }

    /** A new connection for its charge box ID; an older connection with the same ID is closed. */
    ChargePoint attach(ChargePointConnection connection) {
        ChargePoint chargePoint = chargePoint(connection.chargeBoxId());
        ChargePointConnection old = connections.put(connection.chargeBoxId(), connection);
        if (old != null && old != connection) {
            LOG.info("chargeBox={} connected again: the older connection is closed", connection.chargeBoxId());
            chargePoint.disconnected(old);
            old.close("replaced by a new connection with the same charge box ID");
        }
        chargePoint.connected(connection);
        return chargePoint;
    }

    void detach(ChargePointConnection connection) {
        if (connections.remove(connection.chargeBoxId(), connection)) {
            find(connection.chargeBoxId()).ifPresent(chargePoint -> chargePoint.disconnected(connection));
        }
    }

    /** The answer to a BootNotification, by the policy for unknown charge box IDs. */
    RegistrationStatus registrationOnBoot(ChargePoint chargePoint) {
        RegistrationStatus status = chargePoint.registration();
        if (status == null) {
            status = switch (settings.unknownChargePoints()) {
                case ACCEPT -> RegistrationStatus.ACCEPTED;
                case PENDING -> RegistrationStatus.PENDING;
                case REJECT -> RegistrationStatus.REJECTED;
            };
            LOG.info("chargeBox={} is new: {} (policy {})", chargePoint.id(), status.wireValue(), settings.unknownChargePoints());
            chargePoint.registration(status);
            if (status != RegistrationStatus.REJECTED) {
                registrations.putLater(chargePoint.id(), status, chargePoint.connectorCount());
            }
        }
        return status;
    }

    /** Stores the connectors of an accepted charge point, so its EVSEs exist after a restart. */
    void remember(ChargePoint chargePoint) {
        if (chargePoint.accepted()) {
            registrations.putLater(chargePoint.id(), RegistrationStatus.ACCEPTED, chargePoint.connectorCount());
        }
    }

    boolean approve(String chargeBoxId) {
        Optional<ChargePoint> chargePoint = find(chargeBoxId);
        if (chargePoint.isEmpty()) {
            return false;
        }
        chargePoint.get().registration(RegistrationStatus.ACCEPTED);
        registrations.put(chargeBoxId, RegistrationStatus.ACCEPTED, chargePoint.get().connectorCount());
        LOG.info("chargeBox={} approved by the admin", chargeBoxId);
        chargePoint.get().call(new org.chargingmanager.ocpp.v16.TriggerMessageRequest(
                org.chargingmanager.ocpp.v16.MessageTrigger.BOOT_NOTIFICATION, null));
        return true;
    }

    void tick(Instant now) {
        if (!now.isBefore(lastSave.plus(SAVE_EVERY))) {
            lastSave = now;
            try {
                registrations.saveIfDirty();
            } catch (RuntimeException e) {
                LOG.warn("charge point registrations not saved: {}", e.getMessage());
            }
        }
        if (previousTick != null && previousTick.plus(STALL).isBefore(now)) {
            noDeadBefore = now.plus(settings.deadAfter());
            LOG.warn("OCPP timer ran {} ms late (the process was stalled): no charge point is taken offline for {} s",
                    java.time.Duration.between(previousTick, now).toMillis() - 1000, settings.deadAfter().toSeconds());
        }
        previousTick = now;
        Instant deadBefore = now.isBefore(noDeadBefore) ? Instant.EPOCH : now.minus(settings.deadAfter());
        Instant pingBefore = now.minus(settings.pingInterval());
        for (ChargePointConnection connection : connections.values()) {
            try {
                connection.tick(now, deadBefore, pingBefore);
            } catch (RuntimeException e) {
                LOG.warn("chargeBox={} timer failed", connection.chargeBoxId(), e);
            }
        }
        for (ChargePoint chargePoint : chargePoints.values()) {
            chargePoint.tick(now);
        }
        setupPacer.resume();
    }

    void closeAll() {
        try {
            registrations.saveIfDirty();
        } catch (RuntimeException e) {
            LOG.warn("charge point registrations not saved: {}", e.getMessage());
        }
        for (ChargePointConnection connection : connections.values()) {
            connection.close("central system stops");
        }
        chargePoints.values().forEach(ChargePoint::unregisterAll);
    }
}
