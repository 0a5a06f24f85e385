package org.chargingmanager.billing.internal.log;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.chargingmanager.api.billing.PricedEnergy;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionCost;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.Tariff;
import org.chargingmanager.billing.internal.db.Database;
import org.chargingmanager.billing.internal.db.Dialect;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction log over JDBC. Every change runs in its own database transaction that is
 * committed before the method returns. Times are kept as an instant plus the offset the charger
 * reported (PostgreSQL's {@code timestamptz} forgets the offset), truncated to microseconds.
 * Signed meter data is stored as its UTF-8 bytes, so nothing in between can alter it.
 * <p>
 * The cost of a session: energy reading intervals ({@link #recordEnergy}) are shared among the
 * price slots of the site's {@link Tariff} (the one with the highest ranking) at the time the
 * energy was drawn; at the stop, the rest up to the stop meter value is added and the total cost
 * computed, or left empty when part of the energy has no price.
 */
@Component(service = { TransactionLog.class, JdbcTransactionLog.class })
public class JdbcTransactionLog implements TransactionLog {

    /** How long billing data is kept at least. */
    public static final int RETENTION_YEARS = 6;
    /** Stop reason of a session that was still open when a new one started on the same charging point. */
    public static final String SUPERSEDED = "Superseded";
    static final int FETCH_SIZE = 500;
    private static final int SIGNED_VALUE_BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(JdbcTransactionLog.class);

    private static final String COLUMNS = "id, evse_id, charge_box_id, connector_id, user_id, id_tag, start_at,"
            + " start_offset_seconds, meter_start_wh, end_at, end_offset_seconds, meter_stop_wh, stop_reason,"
            + " signature_status, signed_value_count, reading_at, unpriced_wh, currency, cost";

    private final Database database;
    private final DataSource dataSource;
    private final Dialect dialect;
    private final Clock clock;
    private final SessionCosts costs = new SessionCosts(this::forecast);
    /** EVSEs with an open session, so the cost recorder asks the database only about those. */
    private final Set<String> evsesWithOpenSession = ConcurrentHashMap.newKeySet();
    private volatile Tariff tariff;

    @Activate
    public JdbcTransactionLog(@Reference Database database) {
        this(database, Clock.systemUTC());
    }

    public JdbcTransactionLog(Database database, Clock clock) {
        this.database = database;
        this.dataSource = database.dataSource();
        this.dialect = database.dialect();
        this.clock = clock;
        loadOpenSessions();
    }

    private void loadOpenSessions() {
        try (Connection connection = dataSource.getConnection();
                Statement select = connection.createStatement();
                ResultSet result = select.executeQuery("SELECT DISTINCT evse_id FROM cm_transaction WHERE end_at IS NULL")) {
            while (result.next()) {
                evsesWithOpenSession.add(result.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the open sessions from the transaction log: " + e.getMessage(), e);
        }
    }

    /**
     * Whether a session is open at this EVSE, from memory: kept up to date by {@link #start} and
     * {@link #stop} of this log, read from the database when it opened.
     */
    public boolean hasOpenSession(String evseId) {
        return evsesWithOpenSession.contains(evseId);
    }

    /** The site's tariff: the one with the highest ranking (as the core selects it). */
    @Reference(name = "tariff", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetTariff")
    public void setTariff(Tariff tariff) {
        this.tariff = tariff;
    }

    public void unsetTariff(Tariff old) {
        if (tariff == old) {
            tariff = null;
        }
    }

    /** The site's prices now, or {@code null} without a tariff (or one that fails). */
    public PriceForecast forecast() {
        Tariff current = tariff;
        if (current == null) {
            return null;
        }
        try {
            return current.forecast();
        } catch (RuntimeException e) {
            LOG.debug("Tariff {} failed: {}", current, e.toString());
            return null;
        }
    }

    @Override
    public Transaction start(TransactionStart start) throws TransactionLogException {
        if (start == null || start.evseId() == null || start.evseId().isBlank() || start.start() == null) {
            throw new IllegalArgumentException("a transaction needs an EVSE id and a start time: " + start);
        }
        OffsetDateTime begin = micros(start.start());
        long id;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                closeSuperseded(connection, start, begin);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cm_transaction"
                        + " (evse_id, charge_box_id, connector_id, user_id, id_tag, start_at, start_offset_seconds,"
                        + " meter_start_wh, signature_status, signed_value_count, recorded_at, reading_at, unpriced_wh)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, start.evseId());
                    insert.setString(2, start.chargeBoxId());
                    insert.setInt(3, start.connectorId());
                    insert.setString(4, start.userId());
                    insert.setString(5, start.idTag());
                    insert.setObject(6, begin.withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setInt(7, begin.getOffset().getTotalSeconds());
                    insert.setLong(8, start.meterStartWattHours());
                    insert.setString(9, VerificationStatus.NONE.name());
                    insert.setObject(10, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setObject(11, begin.withOffsetSameInstant(ZoneOffset.UTC));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot record the start of a transaction at EVSE " + start.evseId(), e);
        }
        evsesWithOpenSession.add(start.evseId());
        try {
            database.flush();
        } catch (SQLException e) {
            throw failure("cannot make the start of transaction " + id + " at EVSE " + start.evseId() + " durable", e);
        }
        LOG.info("Transaction {} started at EVSE {} (charge box {}, connector {}), user {}, id tag {}, {} Wh at {}",
                id, start.evseId(), start.chargeBoxId(), start.connectorId(), start.userId(), start.idTag(),
                start.meterStartWattHours(), begin);
        return new Transaction(id, start.evseId(), start.chargeBoxId(), start.connectorId(), start.userId(),
                start.idTag(), begin, null, start.meterStartWattHours(), null, null, List.of(),
                VerificationStatus.NONE, new TransactionCost(null, List.of(), 0, null));
    }

    /** A charging point has one session at a time: one still open there ends where the new one begins. */
    private void closeSuperseded(Connection connection, TransactionStart start, OffsetDateTime begin)
            throws SQLException {
        if (!evsesWithOpenSession.contains(start.evseId())) {
            return; // the usual case; the query below was a tenth of the server's time under load
        }
        Map<Long, Long> open = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, meter_start_wh FROM cm_transaction"
                + " WHERE evse_id = ? AND end_at IS NULL ORDER BY id FOR UPDATE")) {
            select.setString(1, start.evseId());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    open.put(result.getLong(1), result.getLong(2));
                }
            }
        }
        for (Map.Entry<Long, Long> entry : open.entrySet()) {
            long meterStop = Math.max(entry.getValue(), start.meterStartWattHours());
            costs.finish(connection, entry.getKey(), begin.toInstant(), meterStop);
            closeOpen(connection, entry.getKey(), begin, meterStop, SUPERSEDED);
            LOG.warn("Transaction {} at EVSE {} was still open when a new one started; closed it at {} with {} Wh ({})",
                    entry.getKey(), start.evseId(), begin, meterStop, SUPERSEDED);
        }
    }

    private static int closeOpen(Connection connection, long id, OffsetDateTime end, long meterStop, String reason)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE cm_transaction SET end_at = ?,"
                + " end_offset_seconds = ?, meter_stop_wh = ?, stop_reason = ? WHERE id = ? AND end_at IS NULL")) {
            update.setObject(1, end.withOffsetSameInstant(ZoneOffset.UTC));
            update.setInt(2, end.getOffset().getTotalSeconds());
            update.setLong(3, meterStop);
            update.setString(4, reason);
            update.setLong(5, id);
            return update.executeUpdate();
        }
    }

    @Override
    public Transaction stop(long transactionId, TransactionStop stop) throws TransactionLogException {
        if (stop == null || stop.end() == null) {
            throw new IllegalArgumentException("a stop needs an end time: " + stop);
        }
        OffsetDateTime end = micros(stop.end());
        int updated;
        Optional<Transaction> transaction;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                costs.finish(connection, transactionId, end.toInstant(), stop.meterStopWattHours());
                updated = closeOpen(connection, transactionId, end, stop.meterStopWattHours(), stop.reason());
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            transaction = find(connection, transactionId);
        } catch (SQLException e) {
            throw failure("cannot record the stop of transaction " + transactionId, e);
        }
        try {
            database.flush();
        } catch (SQLException e) {
            throw failure("cannot make the stop of transaction " + transactionId + " durable", e);
        }
        if (transaction.isEmpty()) {
            throw new TransactionLogException("there is no transaction " + transactionId);
        }
        Transaction stopped = transaction.get();
        if (updated > 0) {
            evsesWithOpenSession.remove(stopped.evseId());
        }
        if (updated == 0) {
            LOG.info("Transaction {} at EVSE {}: stop ignored, already stopped at {}", transactionId,
                    stopped.evseId(), stopped.end());
        } else {
            if (stopped.energyWattHours() < 0 || end.isBefore(stopped.start())) {
                LOG.warn("Transaction {} at EVSE {} stopped with implausible values: {} Wh to {} Wh, {} to {}",
                        transactionId, stopped.evseId(), stopped.meterStartWattHours(), stop.meterStopWattHours(),
                        stopped.start(), end);
            }
            LOG.info("Transaction {} stopped at EVSE {}: {} Wh ({} Wh to {} Wh) at {}, reason {}, cost {}",
                    transactionId, stopped.evseId(), stopped.energyWattHours(), stopped.meterStartWattHours(),
                    stop.meterStopWattHours(), end, stop.reason(), stopped.cost().cost() == null ? "unknown"
                            : stopped.cost().cost() + " " + stopped.cost().currency());
        }
        return stopped;
    }

    /**
     * Shares the energy a charging point drew between two readings among the price slots of the
     * site's tariff, for its open session. The part of the interval before the session's last
     * reading (or its start) is left out. A gap between the session's last reading and
     * {@code from} (the recorder restarted, a write failed) is bridged with the energy register
     * stored at that reading; where none is stored, the energy of the gap is later unpriced.
     * {@code from} equal to {@code to} with no energy is a plain reading of the register.
     *
     * @param registerWattHours the energy register at {@code to}
     * @return whether the charging point has an open session whose cost is tracked
     */
    public boolean recordEnergy(String evseId, Instant from, Instant to, double energyWattHours,
            double registerWattHours) throws TransactionLogException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                boolean tracked = costs.record(connection, evseId, from, to, energyWattHours, registerWattHours);
                connection.commit();
                return tracked;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot record the energy of EVSE " + evseId + " from " + from + " to " + to, e);
        }
    }

    @Override
    public Optional<Transaction> find(long transactionId) throws TransactionLogException {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, transactionId);
        } catch (SQLException e) {
            throw failure("cannot read transaction " + transactionId, e);
        }
    }

    private Optional<Transaction> find(Connection connection, long transactionId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + COLUMNS + " FROM cm_transaction WHERE id = ?")) {
            select.setLong(1, transactionId);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                Row row = row(result);
                return Optional.of(row.toTransaction(row.signedValueCount == 0 ? List.of()
                        : signedValues(connection, List.of(row.id)).getOrDefault(row.id, List.of()),
                        row.tracked ? SessionCosts.slots(connection, List.of(row.id)).getOrDefault(row.id, List.of())
                                : List.of()));
            }
        }
    }

    @Override
    public Optional<Transaction> findOpen(String evseId) throws TransactionLogException {
        try (Connection connection = dataSource.getConnection()) {
            Long id = null;
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM cm_transaction"
                    + " WHERE evse_id = ? AND end_at IS NULL ORDER BY id DESC")) {
                select.setString(1, evseId);
                select.setMaxRows(1);
                try (ResultSet result = select.executeQuery()) {
                    if (result.next()) {
                        id = result.getLong(1);
                    }
                }
            }
            return id == null ? Optional.empty() : find(connection, id);
        } catch (SQLException e) {
            throw failure("cannot look for the open transaction at EVSE " + evseId, e);
        }
    }

    @Override
    public Transaction attachSignedMeterValue(long transactionId, SignedMeterValue value)
            throws TransactionLogException {
        if (value == null || value.rawData() == null) {
            throw new IllegalArgumentException("no signed meter data");
        }
        byte[] raw = utf8(value.rawData(), transactionId);
        VerificationStatus status = value.status() == null || value.status() == VerificationStatus.NONE
                ? VerificationStatus.NOT_VERIFIABLE : value.status();
        Instant receivedAt = value.receivedAt() == null ? clock.instant() : value.receivedAt();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                String evseId;
                int count;
                VerificationStatus summary;
                try (PreparedStatement select = connection.prepareStatement("SELECT evse_id, signed_value_count,"
                        + " signature_status FROM cm_transaction WHERE id = ? FOR UPDATE")) {
                    select.setLong(1, transactionId);
                    try (ResultSet result = select.executeQuery()) {
                        if (!result.next()) {
                            throw new TransactionLogException("there is no transaction " + transactionId);
                        }
                        evseId = result.getString(1);
                        count = result.getInt(2);
                        summary = VerificationStatus.valueOf(result.getString(3));
                    }
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cm_signed_meter_value"
                        + " (transaction_id, seq, raw_data, context, received_at, status, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, transactionId);
                    insert.setInt(2, count);
                    insert.setBytes(3, raw);
                    insert.setString(4, value.context());
                    insert.setObject(5, OffsetDateTime.ofInstant(receivedAt, ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS));
                    insert.setString(6, status.name());
                    insert.setString(7, value.reason());
                    insert.executeUpdate();
                }
                VerificationStatus newSummary = summarize(summary, status);
                try (PreparedStatement update = connection.prepareStatement("UPDATE cm_transaction"
                        + " SET signed_value_count = ?, signature_status = ? WHERE id = ?")) {
                    update.setInt(1, count + 1);
                    update.setString(2, newSummary.name());
                    update.setLong(3, transactionId);
                    update.executeUpdate();
                }
                connection.commit();
                database.flush(connection);
                LOG.info("Transaction {} at EVSE {}: stored signed meter value {} ({}, {} bytes, {})", transactionId,
                        evseId, count + 1, value.context(), raw.length, status);
                return find(connection, transactionId).orElseThrow();
            } catch (SQLException | RuntimeException | TransactionLogException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot store signed meter data for transaction " + transactionId, e);
        }
    }

    /** The summary over all signed values of a session: a failed one taints it, a verified one alone is green. */
    static VerificationStatus summarize(VerificationStatus summary, VerificationStatus added) {
        if (summary == VerificationStatus.NONE) {
            return added;
        }
        if (summary == VerificationStatus.FAILED || added == VerificationStatus.FAILED) {
            return VerificationStatus.FAILED;
        }
        if (summary == VerificationStatus.NOT_VERIFIABLE || added == VerificationStatus.NOT_VERIFIABLE) {
            return VerificationStatus.NOT_VERIFIABLE;
        }
        return VerificationStatus.VERIFIED;
    }

    @Override
    public void stream(TransactionQuery query, Consumer<Transaction> consumer) throws TransactionLogException {
        TransactionQuery q = query == null ? TransactionQuery.ALL : query;
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(" FROM cm_transaction WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (q.from() != null) {
            sql.append(" AND start_at >= ?");
            parameters.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            sql.append(" AND start_at < ?");
            parameters.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.evseId() != null) {
            sql.append(" AND evse_id = ?");
            parameters.add(q.evseId());
        }
        if (q.userId() != null) {
            sql.append(" AND user_id = ?");
            parameters.add(q.userId());
        }
        sql.append(" ORDER BY start_at, id");
        if (q.offset() > 0) {
            sql.append(" OFFSET ? ROWS");
            parameters.add(q.offset());
        }
        if (q.limit() > 0) {
            sql.append(" FETCH FIRST ? ROWS ONLY");
            parameters.add(q.limit());
        }
        try (Connection connection = dataSource.getConnection()) {
            // PostgreSQL only streams with a cursor (fetch size) inside a transaction
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try {
                if (dialect == Dialect.H2) {
                    setH2Lazy(connection, true);
                }
                try (PreparedStatement select = connection.prepareStatement(sql.toString(),
                        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                    select.setFetchSize(FETCH_SIZE);
                    for (int i = 0; i < parameters.size(); i++) {
                        Object parameter = parameters.get(i);
                        if (parameter instanceof Long number) {
                            select.setLong(i + 1, number);
                        } else if (parameter instanceof Integer number) {
                            select.setInt(i + 1, number);
                        } else if (parameter instanceof String text) {
                            select.setString(i + 1, text);
                        } else {
                            select.setObject(i + 1, parameter);
                        }
                    }
                    List<Row> batch = new ArrayList<>(SIGNED_VALUE_BATCH);
                    try (ResultSet result = select.executeQuery()) {
                        while (result.next()) {
                            batch.add(row(result));
                            if (batch.size() == SIGNED_VALUE_BATCH) {
                                emit(connection, batch, consumer);
                            }
                        }
                    }
                    emit(connection, batch, consumer);
                }
            } finally {
                rollback(connection);
                if (dialect == Dialect.H2) {
                    setH2Lazy(connection, false);
                }
                connection.setReadOnly(false);
            }
        } catch (SQLException e) {
            throw failure("cannot read the transaction log (" + q + ")", e);
        }
    }

    /** Hands a batch of rows to the consumer, with the signed values of those that have some. */
    private void emit(Connection connection, List<Row> batch, Consumer<Transaction> consumer) throws SQLException {
        List<Long> signed = new ArrayList<>();
        List<Long> tracked = new ArrayList<>();
        for (Row row : batch) {
            if (row.signedValueCount > 0) {
                signed.add(row.id);
            }
            if (row.tracked) {
                tracked.add(row.id);
            }
        }
        Map<Long, List<SignedMeterValue>> values = signed.isEmpty() ? Map.of() : signedValues(connection, signed);
        Map<Long, List<PricedEnergy>> slots = tracked.isEmpty() ? Map.of() : SessionCosts.slots(connection, tracked);
        for (Row row : batch) {
            consumer.accept(row.toTransaction(values.getOrDefault(row.id, List.of()),
                    slots.getOrDefault(row.id, List.of())));
        }
        batch.clear();
    }

    private static void setH2Lazy(Connection connection, boolean lazy) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION " + (lazy ? "TRUE" : "FALSE"));
        }
    }

    private static Map<Long, List<SignedMeterValue>> signedValues(Connection connection, List<Long> ids)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT transaction_id, raw_data, context, received_at, status, reason"
                + " FROM cm_signed_meter_value WHERE transaction_id IN (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") ORDER BY transaction_id, seq");
        Map<Long, List<SignedMeterValue>> values = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 1, ids.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    values.computeIfAbsent(result.getLong(1), id -> new ArrayList<>())
                            .add(new SignedMeterValue(new String(result.getBytes(2), StandardCharsets.UTF_8),
                                    result.getString(3), result.getObject(4, OffsetDateTime.class).toInstant(),
                                    VerificationStatus.valueOf(result.getString(5)), result.getString(6)));
                }
            }
        }
        return values;
    }


    /**
     * Deletes the sessions that ended before {@code endedBefore}, with their signed meter values.
     * An explicit admin action, logged in the database and the log; refuses anything that
     * ended less than {@value #RETENTION_YEARS} years ago. Open sessions are never deleted.
     *
     * @return how many sessions were deleted
     * @throws IllegalArgumentException if {@code endedBefore} is younger than the retention period
     */
    public long deleteEndedBefore(Instant endedBefore, String requestedBy) throws TransactionLogException {
        Instant limit = retentionLimit();
        if (endedBefore == null || endedBefore.isAfter(limit)) {
            throw new IllegalArgumentException("billing data is kept " + RETENTION_YEARS + " years: refusing to delete"
                    + " transactions that ended after " + limit + " (asked for before " + endedBefore + ")");
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                long deleted;
                OffsetDateTime before = OffsetDateTime.ofInstant(endedBefore, ZoneOffset.UTC);
                try (PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM cm_transaction WHERE end_at IS NOT NULL AND end_at < ?")) {
                    delete.setObject(1, before);
                    deleted = delete.executeLargeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cm_retention_log"
                        + " (performed_at, performed_by, ended_before, transactions_deleted) VALUES (?, ?, ?, ?)")) {
                    insert.setObject(1, OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setString(2, requestedBy == null || requestedBy.isBlank() ? "unknown" : requestedBy);
                    insert.setObject(3, before);
                    insert.setLong(4, deleted);
                    insert.executeUpdate();
                }
                connection.commit();
                database.flush(connection);
                LOG.warn("Retention: {} deleted {} transaction(s) that ended before {}", requestedBy, deleted,
                        endedBefore);
                return deleted;
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot delete transactions that ended before " + endedBefore, e);
        }
    }

    /** Transactions that ended before this instant may be deleted: now minus {@value #RETENTION_YEARS} years (UTC calendar). */
    public Instant retentionLimit() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minusYears(RETENTION_YEARS).toInstant();
    }

    private static byte[] utf8(String text, long transactionId) throws TransactionLogException {
        try {
            ByteBuffer buffer = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(CharBuffer.wrap(text));
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (CharacterCodingException e) {
            throw new TransactionLogException("signed meter data for transaction " + transactionId
                    + " is not valid Unicode (lone surrogate); not stored", e);
        }
    }

    private static OffsetDateTime micros(OffsetDateTime time) {
        return time.truncatedTo(ChronoUnit.MICROS);
    }

    private static void rollback(Connection connection) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } catch (SQLException e) {
            LOG.debug("rollback failed", e);
        }
    }

    private static TransactionLogException failure(String message, SQLException e) {
        LOG.error("Transaction log: {}: {}", message, e.getMessage());
        return new TransactionLogException(message + ": " + e.getMessage(), e);
    }

    private static Row row(ResultSet result) throws SQLException {
        Row row = new Row();
        row.id = result.getLong(1);
        row.evseId = result.getString(2);
        row.chargeBoxId = result.getString(3);
        row.connectorId = result.getInt(4);
        row.userId = result.getString(5);
        row.idTag = result.getString(6);
        row.start = at(result.getObject(7, OffsetDateTime.class), result.getInt(8));
        row.meterStart = result.getLong(9);
        OffsetDateTime end = result.getObject(10, OffsetDateTime.class);
        row.end = end == null ? null : at(end, result.getInt(11));
        long meterStop = result.getLong(12);
        row.meterStop = result.wasNull() ? null : meterStop;
        row.stopReason = result.getString(13);
        row.signatureStatus = VerificationStatus.valueOf(result.getString(14));
        row.signedValueCount = result.getInt(15);
        row.tracked = result.getObject(16, OffsetDateTime.class) != null;
        row.unpricedWattHours = result.getDouble(17);
        row.currency = result.getString(18);
        row.cost = result.getBigDecimal(19);
        return row;
    }

    private static OffsetDateTime at(OffsetDateTime instant, int offsetSeconds) {
        return instant.withOffsetSameInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
    }

    /** One row of cm_transaction, before its signed values are attached. */
    private static final class Row {
        long id;
        String evseId;
        String chargeBoxId;
        int connectorId;
        String userId;
        String idTag;
        OffsetDateTime start;
        long meterStart;
        OffsetDateTime end;
        Long meterStop;
        String stopReason;
        VerificationStatus signatureStatus;
        int signedValueCount;
        boolean tracked;
        double unpricedWattHours;
        String currency;
        BigDecimal cost;

        Transaction toTransaction(List<SignedMeterValue> signedValues, List<PricedEnergy> slots) {
            TransactionCost sessionCost = tracked
                    ? new TransactionCost(currency, slots, unpricedWattHours, cost == null ? null
                            : cost.setScale(SessionCosts.minorUnits(currency), RoundingMode.HALF_UP))
                    : TransactionCost.UNKNOWN;
            return new Transaction(id, evseId, chargeBoxId, connectorId, userId, idTag, start, end, meterStart,
                    meterStop, stopReason, signedValues, signatureStatus, sessionCost);
        }
    }

}
