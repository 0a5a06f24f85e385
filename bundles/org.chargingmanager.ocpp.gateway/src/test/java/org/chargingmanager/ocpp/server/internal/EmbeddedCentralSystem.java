package org.chargingmanager.ocpp.server.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.chargingmanager.api.billing.Authorizer;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.ocpp.relay.ChargePointUplink;

/**
 * Our OCPP central system on a free loopback port for the gateway's pass-through tests, with an
 * in-memory transaction log (the real one is in the billing bundle) and the gateway's uplinks.
 * In the server's package (test sources only) to reach its constructor.
 */
public final class EmbeddedCentralSystem implements AutoCloseable, Backends {

    /** Our transaction log: what the central system recorded, by ID. */
    public final Map<Long, Transaction> transactions = new ConcurrentHashMap<>();
    public final Map<String, ChargePointUplink> uplinks = new ConcurrentHashMap<>();
    private final AtomicLong ids;
    private final OcppServer server;

    /** @param firstTransactionId the log's next ID minus one */
    public EmbeddedCentralSystem(Path dataDirectory, long firstTransactionId) throws Exception {
        ids = new AtomicLong(firstTransactionId);
        server = new OcppServer(ServerSettings.forTest(dataDirectory), this, evse -> () -> {
        });
        server.start();
    }

    /** The URL a charge point connects to (the client appends its charge box ID). */
    public String url() {
        return "ws://127.0.0.1:" + server.port() + "/";
    }

    @Override
    public Optional<Authorizer> authorizer() {
        return Optional.empty();
    }

    @Override
    public Optional<TrustedKeys> trustedKeys() {
        return Optional.empty();
    }

    @Override
    public Optional<ChargePointUplink> uplink(String chargeBoxId) {
        return Optional.ofNullable(uplinks.get(chargeBoxId));
    }

    @Override
    public Optional<TransactionLog> transactionLog() {
        return Optional.of(new TransactionLog() {
            @Override
            public Transaction start(TransactionStart s) {
                Transaction t = new Transaction(ids.incrementAndGet(), s.evseId(), s.chargeBoxId(), s.connectorId(),
                        s.userId(), s.idTag(), s.start(), null, s.meterStartWattHours(), null, null, List.of(), null);
                transactions.put(t.id(), t);
                return t;
            }

            @Override
            public Transaction stop(long id, TransactionStop stop) {
                return transactions.computeIfPresent(id, (key, t) -> new Transaction(t.id(), t.evseId(), t.chargeBoxId(),
                        t.connectorId(), t.userId(), t.idTag(), t.start(), stop.end(), t.meterStartWattHours(),
                        stop.meterStopWattHours(), stop.reason(), t.signedMeterValues(), t.signatureStatus()));
            }

            @Override
            public Optional<Transaction> find(long id) {
                return Optional.ofNullable(transactions.get(id));
            }

            @Override
            public Optional<Transaction> findOpen(String evseId) {
                return transactions.values().stream().filter(t -> t.evseId().equals(evseId) && t.open()).findFirst();
            }

            @Override
            public Transaction attachSignedMeterValue(long id, SignedMeterValue value) {
                return transactions.computeIfPresent(id, (key, t) -> {
                    List<SignedMeterValue> all = new ArrayList<>(t.signedMeterValues());
                    all.add(value);
                    return new Transaction(t.id(), t.evseId(), t.chargeBoxId(), t.connectorId(), t.userId(),
                            t.idTag(), t.start(), t.end(), t.meterStartWattHours(), t.meterStopWattHours(),
                            t.stopReason(), all, value.status());
                });
            }

            @Override
            public void stream(TransactionQuery query, Consumer<Transaction> consumer) {
                transactions.values().forEach(consumer);
            }
        });
    }

    @Override
    public void close() {
        server.stop();
    }
}
