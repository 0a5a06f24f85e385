package org.chargingmanager.ocpp.server.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.ocpp.v16.ChangeConfigurationConfirmation;
import org.chargingmanager.ocpp.v16.ChangeConfigurationRequest;
import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.GetConfigurationConfirmation;
import org.chargingmanager.ocpp.v16.GetConfigurationRequest;
import org.chargingmanager.ocpp.v16.KeyValue;
import org.chargingmanager.ocpp.v16.MessageTrigger;
import org.chargingmanager.ocpp.v16.TriggerMessageRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What follows an accepted BootNotification (or a reconnect of a known charge point): read its
 * configuration, ask for the measurands we need and our sample interval, register its
 * connectors, ask for their status, install the "no charging until allocated" default profile
 * and then the current limits. Each step goes on when the one before fails. At most
 * {@link SetupPacer#DEFAULT_MAX_RUNNING} charge points are set up at a time.
 */
final class ConnectSetup {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectSetup.class);

    /** Most wanted first: a charger with a short MeterValuesSampledDataMaxLength gets the first ones. */
    static final List<String> MEASURANDS = List.of("Energy.Active.Import.Register", "Power.Active.Import",
            "Current.Import", "Voltage");

    private ConnectSetup() {
    }

    /**
     * Queues the set-up of this connection behind those running ({@link SetupPacer}). While the
     * set-up of an earlier connection runs or waits, this one's starts when that one ends (asked
     * again on the same connection meanwhile, nothing more happens). When its turn comes and the
     * charger has connected again meanwhile (same charge box ID), it is skipped: the new
     * connection asks for its own set-up after its BootNotification (or when it cannot be
     * triggered to boot).
     */
    static void run(ChargePoint chargePoint, ChargePointConnection connection) {
        chargePoint.setupWanted = connection;
        if (!current(chargePoint, connection) || !chargePoint.setupRunning.compareAndSet(false, true)) {
            return;
        }
        chargePoint.registry().setupPacer().submit(() -> steps(chargePoint, connection));
    }

    /** Each step's CALL goes on {@code connection}; once another one has replaced it, the rest is skipped. */
    private static CompletableFuture<Void> steps(ChargePoint chargePoint, ChargePointConnection connection) {
        if (!current(chargePoint, connection)) {
            finished(chargePoint, connection);
            return CompletableFuture.completedFuture(null);
        }
        Map<String, KeyValue> keys = new HashMap<>();
        return connection.call(new GetConfigurationRequest(null))
                .handle((confirmation, failure) -> {
                    if (!current(chargePoint, connection)) {
                        return null; // replaced: what this connection answered, if anything, is not applied
                    }
                    if (confirmation instanceof GetConfigurationConfirmation configuration
                            && configuration.configurationKey() != null) {
                        configuration.configurationKey().forEach(key -> keys.put(key.key(), key));
                    } else {
                        LOG.info("chargeBox={} GetConfiguration failed: {}", chargePoint.id(),
                                failure == null ? confirmation : failure.getMessage());
                    }
                    apply(chargePoint, keys);
                    return null;
                })
                .thenCompose(ignored -> unlessReplaced(chargePoint, connection, () -> setMeasurands(chargePoint, connection, keys)))
                .thenCompose(ignored -> unlessReplaced(chargePoint, connection, () -> setSampleInterval(chargePoint, connection, keys)))
                .thenCompose(ignored -> unlessReplaced(chargePoint, connection,
                        () -> quietly(connection.call(new TriggerMessageRequest(MessageTrigger.STATUS_NOTIFICATION, null)))))
                .thenCompose(ignored -> unlessReplaced(chargePoint, connection,
                        () -> chargePoint.smartCharging.profilesCleared()
                                ? CompletableFuture.completedFuture(null)
                                : quietly(chargePoint.smartCharging.installDefault(connection))))
                .handle((ignored, failure) -> {
                    finished(chargePoint, connection);
                    return null;
                });
    }

    /** Ends a set-up; a connection that asked for one meanwhile ({@link #run}) gets it now. */
    private static void finished(ChargePoint chargePoint, ChargePointConnection connection) {
        chargePoint.setupRunning.set(false);
        if (current(chargePoint, connection)) {
            chargePoint.smartCharging.ready();
        }
        ChargePointConnection wanted = chargePoint.setupWanted;
        if (wanted != null && wanted != connection && current(chargePoint, wanted)) {
            LOG.info("chargeBox={} connected again before its set-up was done: set up on the new connection", chargePoint.id());
            run(chargePoint, wanted);
        }
    }

    private static boolean current(ChargePoint chargePoint, ChargePointConnection connection) {
        return chargePoint.connection() == connection && connection.isOpen();
    }

    private static CompletableFuture<Object> unlessReplaced(ChargePoint chargePoint, ChargePointConnection connection,
            Supplier<CompletableFuture<Object>> step) {
        return current(chargePoint, connection) ? step.get() : CompletableFuture.completedFuture(null);
    }

    private static void apply(ChargePoint chargePoint, Map<String, KeyValue> keys) {
        Integer connectors = integer(keys.get("NumberOfConnectors"));
        if (connectors != null) {
            for (int connector = 1; connector <= Math.min(connectors, 64); connector++) {
                chargePoint.evse(connector);
            }
        }
        if (chargePoint.connectorCount() == 0) {
            chargePoint.evse(1);
        }
        chargePoint.smartCharging.configure(value(keys.get("ChargingScheduleAllowedChargingRateUnit")),
                integer(keys.get("ChargeProfileMaxStackLevel")));
        offerMeterKeys(chargePoint, MeterPublicKeys.fromConfiguration(keys.values(), chargePoint.connectorCount()),
                "the configuration of charge point " + chargePoint.id());
    }

    /** Keys the charger shows outside signed data go to the trusted-key service (adopted only while none is stored). */
    static void offerMeterKeys(ChargePoint chargePoint, Map<Integer, String> keys, String source) {
        if (keys.isEmpty()) {
            return;
        }
        Optional<TrustedKeys> trustedKeys = chargePoint.registry().backends().trustedKeys();
        keys.forEach((connector, key) -> {
            String evseId = OcppEvse.evseId(chargePoint.id(), connector);
            if (trustedKeys.isEmpty()) {
                LOG.info("chargeBox={} connector {} shows a meter public key; not kept (no Eichrecht bundle)",
                        chargePoint.id(), connector);
                return;
            }
            try {
                trustedKeys.get().offer(evseId, key, source);
            } catch (RuntimeException e) {
                LOG.warn("chargeBox={} connector {} meter public key not taken: {}", chargePoint.id(), connector, e.toString());
            }
        });
    }

    private static CompletableFuture<Object> setMeasurands(ChargePoint chargePoint,
            ChargePointConnection connection, Map<String, KeyValue> keys) {
        KeyValue current = keys.get("MeterValuesSampledData");
        if (current != null && current.readonly()) {
            return CompletableFuture.completedFuture(null);
        }
        Integer maxLength = integer(keys.get("MeterValuesSampledDataMaxLength"));
        int count = maxLength == null ? MEASURANDS.size() : Math.max(1, Math.min(maxLength, MEASURANDS.size()));
        if (current != null && current.value() != null
                && current.value().replace(" ", "").equals(String.join(",", MEASURANDS.subList(0, count)))) {
            return CompletableFuture.completedFuture(null); // set at an earlier connect: one round trip less per reconnect
        }
        return trySet(chargePoint, connection, "MeterValuesSampledData", count);
    }

    /** Asks for the first {@code count} measurands; if rejected, for one fewer. */
    private static CompletableFuture<Object> trySet(ChargePoint chargePoint,
            ChargePointConnection connection, String key, int count) {
        String value = String.join(",", MEASURANDS.subList(0, count));
        return connection.call(new ChangeConfigurationRequest(key, value)).handle((confirmation, failure) -> {
            if (accepted(confirmation)) {
                LOG.debug("chargeBox={} {}={} accepted", chargePoint.id(), key, value);
                return CompletableFuture.<Object>completedFuture(null);
            }
            if (failure == null && count > 1) {
                return trySet(chargePoint, connection, key, count - 1);
            }
            LOG.info("chargeBox={} {} not set: {}", chargePoint.id(), key,
                    failure == null ? confirmation : failure.getMessage());
            return CompletableFuture.<Object>completedFuture(null);
        }).thenCompose(next -> next);
    }

    private static CompletableFuture<Object> setSampleInterval(ChargePoint chargePoint,
            ChargePointConnection connection, Map<String, KeyValue> keys) {
        long seconds = chargePoint.registry().settings().meterValueSampleInterval().toSeconds();
        KeyValue current = keys.get("MeterValueSampleInterval");
        if (seconds <= 0 || (current != null && (current.readonly() || String.valueOf(seconds).equals(current.value())))) {
            return CompletableFuture.completedFuture(null);
        }
        return quietly(connection.call(new ChangeConfigurationRequest("MeterValueSampleInterval", String.valueOf(seconds))));
    }

    private static boolean accepted(Confirmation confirmation) {
        return confirmation instanceof ChangeConfigurationConfirmation change
                && (change.status() == ConfigurationStatus.ACCEPTED || change.status() == ConfigurationStatus.REBOOT_REQUIRED);
    }

    private static CompletableFuture<Object> quietly(CompletableFuture<Confirmation> call) {
        return call.handle((confirmation, failure) -> null);
    }

    private static String value(KeyValue key) {
        return key == null ? null : key.value();
    }

    private static Integer integer(KeyValue key) {
        if (key == null || key.value() == null) {
            return null;
        }
        try {
            return Integer.valueOf(key.value().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
