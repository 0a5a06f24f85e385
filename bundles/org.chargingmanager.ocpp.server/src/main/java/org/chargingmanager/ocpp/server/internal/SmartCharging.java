package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.ocpp.v16.ChargingProfilePurpose;
import org.chargingmanager.ocpp.v16.ChargingProfileStatus;
import org.chargingmanager.ocpp.v16.ChargingRateUnit;
import org.chargingmanager.ocpp.v16.ClearChargingProfileRequest;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.SetChargingProfileConfirmation;
import org.chargingmanager.ocpp.v16.SetChargingProfileRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load manager's limits for one charge point, sent as SetChargingProfile: the latest limit
 * per connector wins (older ones still waiting are dropped), one profile at a time per
 * connector. A rejected purpose is noted and the next one tried (TxProfile → TxDefaultProfile →
 * ChargePointMaxProfile for a single-connector charger).
 */
final class SmartCharging {

    private static final Logger LOG = LoggerFactory.getLogger(SmartCharging.class);

    private final ChargePoint chargePoint;
    private final ServerSettings settings;
    private final Map<Integer, ChargingLimit> desired = new HashMap<>();
    private final Set<Integer> inFlight = new HashSet<>();
    private final Set<ChargingProfilePurpose> rejected = EnumSet.noneOf(ChargingProfilePurpose.class);
    private Set<ChargingRateUnit> allowedUnits = EnumSet.of(ChargingRateUnit.AMPERES);
    private Integer maxStackLevel;
    private boolean ready;
    private boolean cleared;
    private String kindInUse = "";

    SmartCharging(ChargePoint chargePoint, ServerSettings settings) {
        this.chargePoint = chargePoint;
        this.settings = settings;
    }

    synchronized String kindInUse() {
        if (rejected.isEmpty()) {
            return kindInUse;
        }
        List<String> names = new ArrayList<>();
        rejected.forEach(purpose -> names.add(purpose.wireValue()));
        return kindInUse + " (" + String.join(", ", names) + " rejected)";
    }

    /** Whether the charge point has rejected profiles of this purpose. */
    synchronized boolean rejects(ChargingProfilePurpose purpose) {
        return rejected.contains(purpose);
    }

    synchronized ChargingLimit desired(int connectorId) {
        return desired.get(connectorId);
    }

    /** From GetConfiguration: ChargingScheduleAllowedChargingRateUnit and ChargeProfileMaxStackLevel. */
    synchronized void configure(String allowedChargingRateUnit, Integer chargeProfileMaxStackLevel) {
        if (allowedChargingRateUnit != null && !allowedChargingRateUnit.isBlank()) {
            Set<ChargingRateUnit> units = EnumSet.noneOf(ChargingRateUnit.class);
            for (String unit : allowedChargingRateUnit.split("[,; ]+")) {
                String u = unit.trim();
                if (u.equalsIgnoreCase("Current") || u.equalsIgnoreCase("A")) {
                    units.add(ChargingRateUnit.AMPERES);
                } else if (u.equalsIgnoreCase("Power") || u.equalsIgnoreCase("W")) {
                    units.add(ChargingRateUnit.WATTS);
                }
            }
            if (!units.isEmpty()) {
                allowedUnits = units;
            }
        }
        maxStackLevel = chargeProfileMaxStackLevel;
    }

    synchronized int stackLevel() {
        int level = Math.max(0, settings.chargingProfileStackLevel());
        return maxStackLevel == null ? level : Math.min(level, Math.max(0, maxStackLevel));
    }

    synchronized ChargingRateUnit unit() {
        return allowedUnits.contains(ChargingRateUnit.AMPERES) ? ChargingRateUnit.AMPERES : ChargingRateUnit.WATTS;
    }

    synchronized boolean profilesCleared() {
        return cleared;
    }

    /** The load manager's call, through {@link OcppEvse#applyLimit}: never blocks. */
    void limitRequested(int connectorId, ChargingLimit limit) {
        synchronized (this) {
            ChargingLimit old = desired.put(connectorId, limit);
            if (limit.equals(old) || !ready) {
                return;
            }
        }
        chargePoint.registry().scheduler().execute(() -> pump(connectorId));
    }

    /** After the setup on connect: install the "no charging until allocated" default, then the limits known. */
    void ready() {
        synchronized (this) {
            ready = true;
        }
        reapply();
    }

    void disconnected() {
        synchronized (this) {
            ready = false;
            inFlight.clear();
        }
    }

    void reapply() {
        List<Integer> connectors;
        synchronized (this) {
            connectors = new ArrayList<>(desired.keySet());
        }
        connectors.forEach(this::pump);
    }

    private void pump(int connectorId) {
        ChargingLimit limit;
        synchronized (this) {
            if (!ready || inFlight.contains(connectorId) || !desired.containsKey(connectorId)) {
                return;
            }
            inFlight.add(connectorId);
            limit = desired.get(connectorId);
        }
        if (limit.reason() == LimitReason.DISABLED && settings.clearProfilesWhenDisabled()) {
            clearAll().whenComplete((confirmation, failure) -> done(connectorId, limit, failure == null));
            return;
        }
        synchronized (this) {
            cleared = false;
        }
        attempt(connectorId, limit, purposes(connectorId), 0);
    }

    private List<ChargingProfilePurpose> purposes(int connectorId) {
        List<ChargingProfilePurpose> purposes = new ArrayList<>();
        if (chargePoint.transactions.containsKey(connectorId)) {
            purposes.add(ChargingProfilePurpose.TX_PROFILE);
        }
        purposes.add(ChargingProfilePurpose.TX_DEFAULT_PROFILE);
        if (chargePoint.connectorCount() <= 1) {
            purposes.add(ChargingProfilePurpose.CHARGE_POINT_MAX_PROFILE);
        }
        synchronized (this) {
            List<ChargingProfilePurpose> usable = new ArrayList<>(purposes);
            usable.removeAll(rejected);
            return usable.isEmpty() ? purposes : usable;
        }
    }

    private void attempt(int connectorId, ChargingLimit limit, List<ChargingProfilePurpose> purposes, int index) {
        if (index >= purposes.size()) {
            LOG.warn("chargeBox={} connector {}: every charging profile purpose was rejected; limit {} mA not applied",
                    chargePoint.id(), connectorId, limit.currentMilliamps());
            done(connectorId, limit, false);
            return;
        }
        ChargingProfilePurpose purpose = purposes.get(index);
        Integer transactionId = chargePoint.transactions.get(connectorId);
        SetChargingProfileRequest request = ProfileBuilder.build(connectorId, purpose, transactionId, stackLevel(),
                unit(), limit, settings.phases(), Instant.now());
        chargePoint.call(request).whenComplete((confirmation, failure) -> {
            if (failure == null && accepted(confirmation)) {
                synchronized (this) {
                    kindInUse = purpose.wireValue();
                    rejected.remove(purpose);
                }
                LOG.info("chargeBox={} connector {}: {} {} {} accepted (limit {} mA, {}{})", chargePoint.id(),
                        connectorId, purpose.wireValue(), request.csChargingProfiles().chargingSchedule()
                                .chargingSchedulePeriod().get(0).limit(),
                        request.csChargingProfiles().chargingSchedule().chargingRateUnit().wireValue(),
                        limit.currentMilliamps(), limit.reason(), transactionId == null ? "" : ", transactionId=" + transactionId);
                done(connectorId, limit, true);
            } else if (failure != null && isOffline(failure)) {
                done(connectorId, limit, false);
            } else {
                synchronized (this) {
                    rejected.add(purpose);
                }
                LOG.warn("chargeBox={} connector {}: {} rejected ({}); trying the next kind", chargePoint.id(),
                        connectorId, purpose.wireValue(), failure == null ? "Rejected" : failure.getMessage());
                attempt(connectorId, limit, purposes, index + 1);
            }
        });
    }

    private static boolean accepted(Confirmation confirmation) {
        return confirmation instanceof SetChargingProfileConfirmation set && set.status() == ChargingProfileStatus.ACCEPTED;
    }

    private static boolean isOffline(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof org.chargingmanager.ocpp.server.OcppCallException call
                && (call.errorCode().equals("Offline") || call.errorCode().equals("Timeout"));
    }

    private void done(int connectorId, ChargingLimit sent, boolean applied) {
        if (applied) {
            OcppEvse evse = chargePoint.evse(connectorId);
            evse.appliedLimit(sent);
        }
        boolean again;
        synchronized (this) {
            inFlight.remove(connectorId);
            again = ready && !sent.equals(desired.get(connectorId));
        }
        if (again) {
            pump(connectorId);
        }
    }

    /** TxDefaultProfile 0 A on connector 0, sent on {@code on}: nothing charges until the load manager has allocated. */
    CompletableFuture<Confirmation> installDefault(ChargePointConnection on) {
        SetChargingProfileRequest request = ProfileBuilder.build(0, ChargingProfilePurpose.TX_DEFAULT_PROFILE, null,
                stackLevel(), unit(), ChargingLimit.NOT_ALLOCATED, settings.phases(), Instant.now());
        return on.call(request).whenComplete((confirmation, failure) -> {
            if (failure == null && accepted(confirmation)) {
                LOG.info("chargeBox={} default profile installed: no charging until allocated", chargePoint.id());
            } else {
                LOG.warn("chargeBox={} default profile (TxDefaultProfile 0 A) not accepted: {}", chargePoint.id(),
                        failure == null ? confirmation : failure.getMessage());
            }
        });
    }

    /** ClearChargingProfile without filter: every profile on the station. */
    java.util.concurrent.CompletableFuture<Confirmation> clearAll() {
        synchronized (this) {
            cleared = true;
        }
        return chargePoint.call(new ClearChargingProfileRequest(null, null, null, null))
                .whenComplete((confirmation, failure) -> LOG.info("chargeBox={} ClearChargingProfile (all): {}",
                        chargePoint.id(), failure == null ? confirmation : failure.getMessage()));
    }
}
