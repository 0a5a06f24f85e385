package org.chargingmanager.ocpp.server.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.chargingmanager.api.billing.Authorization;
import org.chargingmanager.api.billing.AuthorizationStatus;
import org.chargingmanager.api.billing.Authorizer;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.ocpp.server.DataTransferHandler;

/**
 * A server on a free loopback port with an in-memory transaction log (the real one lives in the
 * billing bundle) and an RFID list, and the EVSE services it registered.
 */
final class TestSite implements AutoCloseable, Backends {

    final Map<String, Evse> evses = new ConcurrentHashMap<>();
    final MemoryTransactionLog transactions = new MemoryTransactionLog();
    final Map<String, AuthorizationStatus> rfids = new ConcurrentHashMap<>();
    /** idTag → its parent idTag (group), as the user directory would say. */
    final Map<String, String> parents = new ConcurrentHashMap<>();
    volatile TrustedKeys trustedKeys;
    final Map<String, DataTransferHandler> dataTransferHandlers = new ConcurrentHashMap<>();
    final Map<String, org.chargingmanager.ocpp.relay.ChargePointUplink> uplinks = new ConcurrentHashMap<>();
    final List<User> users = new CopyOnWriteArrayList<>();
    final OcppServer server;

    TestSite(ServerSettings settings) throws Exception {
        this(settings, false);
    }

    /** @param held bound, but taking connections only after {@code server.releaseConnections()} */
    TestSite(ServerSettings settings, boolean held) throws Exception {
        server = new OcppServer(settings, this, evse -> {
            evses.put(evse.info().id(), evse);
            return () -> evses.remove(evse.info().id());
        });
        if (held) {
            server.holdConnections();
        }
        server.start();
    }

    static TestSite start(Path dataDirectory) throws Exception {
        return new TestSite(ServerSettings.forTest(dataDirectory));
    }

    String url(String path) {
        return "ws://127.0.0.1:" + server.port() + path;
    }

    @Override
    public Optional<Authorizer> authorizer() {
        return Optional.of((idTag, evseId) -> new Authorization(rfids.getOrDefault(idTag, AuthorizationStatus.INVALID),
                "user-" + idTag, null, parents.get(idTag)));
    }

    @Override
    public Optional<TransactionLog> transactionLog() {
        return Optional.of(transactions);
    }

    @Override
    public Optional<TrustedKeys> trustedKeys() {
        return Optional.ofNullable(trustedKeys);
    }

    @Override
    public Optional<UserDirectory> userDirectory() {
        return Optional.of(new UserDirectory() {
            @Override
            public List<User> list() {
                return List.copyOf(users);
            }

            @Override
            public Optional<User> find(String userId) {
                return users.stream().filter(user -> user.id().equals(userId)).findFirst();
            }

            @Override
            public Optional<User> findByToken(String idTag) {
                return users.stream().filter(user -> user.rfidTags().stream().anyMatch(idTag::equalsIgnoreCase)
                        || user.pins().contains(idTag)).findFirst();
            }

            @Override
            public User save(User user) {
                users.removeIf(existing -> existing.id().equals(user.id()));
                users.add(user);
                return user;
            }

            @Override
            public boolean delete(String userId) {
                return users.removeIf(user -> user.id().equals(userId));
            }
        });
    }

    @Override
    public Optional<DataTransferHandler> dataTransferHandler(String vendorId) {
        return Optional.ofNullable(dataTransferHandlers.get(vendorId));
    }

    @Override
    public Optional<org.chargingmanager.ocpp.relay.ChargePointUplink> uplink(String chargeBoxId) {
        return Optional.ofNullable(uplinks.get(chargeBoxId));
    }

    @Override
    public void close() {
        server.stop();
    }

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** Keeps sessions in memory; the H2/PostgreSQL log is tested in the billing bundle. */
    static final class MemoryTransactionLog implements TransactionLog {
        final Map<Long, Transaction> byId = new ConcurrentHashMap<>();
        final AtomicLong ids = new AtomicLong(1000);
        final List<String> signed = new CopyOnWriteArrayList<>();

        @Override
        public Transaction start(TransactionStart s) {
            Transaction t = new Transaction(ids.incrementAndGet(), s.evseId(), s.chargeBoxId(), s.connectorId(), s.userId(),
                    s.idTag(), s.start(), null, s.meterStartWattHours(), null, null, List.of(), null);
            byId.put(t.id(), t);
            return t;
        }

        @Override
        public Transaction stop(long id, TransactionStop stop) {
            return byId.computeIfPresent(id, (key, t) -> new Transaction(t.id(), t.evseId(), t.chargeBoxId(), t.connectorId(),
                    t.userId(), t.idTag(), t.start(), stop.end(), t.meterStartWattHours(), stop.meterStopWattHours(),
                    stop.reason(), t.signedMeterValues(), t.signatureStatus()));
        }

        @Override
        public Optional<Transaction> find(long id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public Optional<Transaction> findOpen(String evseId) {
            return byId.values().stream().filter(t -> t.evseId().equals(evseId) && t.open()).findFirst();
        }

        @Override
        public Transaction attachSignedMeterValue(long id, SignedMeterValue value) {
            signed.add(value.rawData());
            return byId.computeIfPresent(id, (key, t) -> {
                List<SignedMeterValue> all = new ArrayList<>(t.signedMeterValues());
                all.add(value);
                return new Transaction(t.id(), t.evseId(), t.chargeBoxId(), t.connectorId(), t.userId(), t.idTag(),
                        t.start(), t.end(), t.meterStartWattHours(), t.meterStopWattHours(), t.stopReason(), all,
                        value.status());
            });
        }

        @Override
        public void stream(TransactionQuery query, Consumer<Transaction> consumer) {
            byId.values().forEach(consumer);
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
