package org.chargingmanager.billing.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLogException;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.billing.internal.db.Backend;
import org.chargingmanager.billing.internal.db.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The TransactionLog contract, against H2 and a real PostgreSQL. */
class TransactionLogContractTest {

    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 3, 30, 0, 30, 0, 0, ZoneOffset.ofHours(1));

    private final List<Database> open = new ArrayList<>();

    @AfterEach
    void closeDatabases() {
        open.forEach(Database::close);
    }

    private JdbcTransactionLog log(Backend backend, String url) throws Exception {
        return log(backend, url, Clock.systemUTC());
    }

    private JdbcTransactionLog log(Backend backend, String url, Clock clock) throws Exception {
        Database database = backend.open(url);
        open.add(database);
        return new JdbcTransactionLog(database, clock);
    }

    /** Closes every database of this test: the next {@link #log} is a "restart". */
    private void restart() {
        open.forEach(Database::close);
        open.clear();
    }

    private static TransactionStart start(String evse, String user, OffsetDateTime at, long meter) {
        return new TransactionStart(evse, "CB-" + evse, 1, user, user == null ? null : "TAG-" + user, at, meter);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void startedTransactionIsFoundWithEveryField(Backend backend) throws Exception {
        JdbcTransactionLog log = log(backend, backend.newDatabaseUrl());
        OffsetDateTime begin = OffsetDateTime.of(2025, 6, 1, 18, 5, 7, 123_456_789, ZoneOffset.ofHoursMinutes(5, 30));

        Transaction started = log.start(new TransactionStart("garage-1", "CB1234", 2, "alice", "04A2B3C4", begin, 12_345));

        assertThat(started.id()).isPositive();
        assertThat(started.open()).isTrue();
        assertThat(started.start()).isEqualTo(begin.withNano(123_456_000));
        assertThat(log.find(started.id())).contains(started);
        Transaction found = log.find(started.id()).orElseThrow();
        assertThat(found.start().getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(found.evseId()).isEqualTo("garage-1");
        assertThat(found.chargeBoxId()).isEqualTo("CB1234");
        assertThat(found.connectorId()).isEqualTo(2);
        assertThat(found.userId()).isEqualTo("alice");
        assertThat(found.idTag()).isEqualTo("04A2B3C4");
        assertThat(found.meterStartWattHours()).isEqualTo(12_345);
        assertThat(found.meterStopWattHours()).isNull();
        assertThat(found.signatureStatus()).isEqualTo(VerificationStatus.NONE);
        assertThat(log.find(started.id() + 1000)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void stopClosesOnceAndIsIdempotent(Backend backend) throws Exception {
        JdbcTransactionLog log = log(backend, backend.newDatabaseUrl());
        Transaction started = log.start(start("e1", "bob", T0, 1_000));
        OffsetDateTime end = T0.plusHours(3).withOffsetSameInstant(ZoneOffset.ofHours(2));

        Transaction stopped = log.stop(started.id(), new TransactionStop(end, 12_500, "EVDisconnected"));
        Transaction again = log.stop(started.id(), new TransactionStop(end.plusHours(1), 99_999, "Local"));

        assertThat(stopped.open()).isFalse();
        assertThat(stopped.end()).isEqualTo(end);
        assertThat(stopped.end().getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(stopped.energyWattHours()).isEqualTo(11_500);
        assertThat(stopped.stopReason()).isEqualTo("EVDisconnected");
        assertThat(again).isEqualTo(stopped);
        assertThat(log.find(started.id())).contains(stopped);
        assertThatThrownBy(() -> log.stop(started.id() + 1000, new TransactionStop(end, 1, "Local")))
                .isInstanceOf(TransactionLogException.class);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void openTransactionsSurviveARestartAndAreClosedByTheNextInstance(Backend backend) throws Exception {
        String url = backend.newDatabaseUrl();
        JdbcTransactionLog before = log(backend, url);
        Transaction closed = before.start(start("e1", "alice", T0, 100));
        before.stop(closed.id(), new TransactionStop(T0.plusHours(1), 200, "Local"));
        Transaction openOnE1 = before.start(start("e1", "bob", T0.plusHours(2), 200));
        Transaction openOnE2 = before.start(start("e2", "carol", T0.plusHours(2), 5_000));

        restart();
        JdbcTransactionLog after = log(backend, url);

        assertThat(after.findOpen("e1")).contains(openOnE1);
        assertThat(after.findOpen("e2")).contains(openOnE2);
        assertThat(after.findOpen("e3")).isEmpty();
        Transaction stopped = after.stop(openOnE1.id(), new TransactionStop(T0.plusHours(5), 7_200, "Reboot"));
        assertThat(stopped.energyWattHours()).isEqualTo(7_000);
        assertThat(after.findOpen("e1")).isEmpty();
        assertThat(after.findOpen("e2")).contains(openOnE2);
        Transaction next = after.start(start("e1", "alice", T0.plusHours(6), 7_200));
        assertThat(next.id()).isGreaterThan(openOnE2.id());
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aSessionLeftOpenBeforeARestartIsStillClosedByTheNextStartThere(Backend backend) throws Exception {
        String url = backend.newDatabaseUrl();
        Transaction lost = log(backend, url).start(start("e1", "alice", T0, 100));
        JdbcTransactionLog restarted = log(backend, url);
        assertThat(restarted.hasOpenSession("e1")).isTrue();
        assertThat(restarted.hasOpenSession("e2")).isFalse();

        Transaction next = restarted.start(start("e1", "alice", T0.plusHours(4), 9_100));

        assertThat(restarted.find(lost.id()).orElseThrow().stopReason()).isEqualTo(JdbcTransactionLog.SUPERSEDED);
        assertThat(restarted.findOpen("e1")).contains(next);
        restarted.stop(next.id(), new TransactionStop(T0.plusHours(5), 9_900, "Local"));
        assertThat(restarted.hasOpenSession("e1")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aNewStartClosesASessionLeftOpenOnTheSameEvse(Backend backend) throws Exception {
        JdbcTransactionLog log = log(backend, backend.newDatabaseUrl());
        Transaction lost = log.start(start("e1", "alice", T0, 100));
        Transaction other = log.start(start("e2", "bob", T0, 100));

        Transaction next = log.start(start("e1", "alice", T0.plusHours(4), 9_100));

        Transaction superseded = log.find(lost.id()).orElseThrow();
        assertThat(superseded.open()).isFalse();
        assertThat(superseded.end()).isEqualTo(T0.plusHours(4));
        assertThat(superseded.meterStopWattHours()).isEqualTo(9_100);
        assertThat(superseded.stopReason()).isEqualTo(JdbcTransactionLog.SUPERSEDED);
        assertThat(log.findOpen("e1")).contains(next);
        assertThat(log.find(other.id()).orElseThrow().open()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void signedMeterValuesAreStoredByteForByteInOrder(Backend backend) throws Exception {
        String url = backend.newDatabaseUrl();
        JdbcTransactionLog log = log(backend, url);
        Transaction started = log.start(start("e1", "alice", T0, 100));
        String ocmf = "OCMF|{\"FV\":\"1.0\",\"GI\":\"Zähler ⚡ 𝄞 \\u00e4\",\"RD\":[{\"TM\":\"2025-03-30T00:30:00,000+0100 S\","
                + "\"RV\":0.1,\"ST\":\"G\"}]}|{\"SA\":\"ECDSA-secp256r1-SHA256\",\"SD\":\"3045022100ab\"}";
        String odd = "  leading and trailing spaces \r\n|| pipes, a NUL \u0000 and tabs\t ";
        Instant received = Instant.parse("2025-03-29T23:30:00.123456Z");

        log.attachSignedMeterValue(started.id(),
                new SignedMeterValue(ocmf, "Transaction.Begin", received, VerificationStatus.VERIFIED, null));
        Transaction attached = log.attachSignedMeterValue(started.id(),
                new SignedMeterValue(odd, "Transaction.End", received.plusSeconds(60), VerificationStatus.NOT_VERIFIABLE,
                        "no trusted key"));

        restart();
        Transaction found = log(backend, url).find(started.id()).orElseThrow();
        assertThat(found).isEqualTo(attached);
        assertThat(found.signedMeterValues()).extracting(SignedMeterValue::rawData).containsExactly(ocmf, odd);
        assertThat(found.signedMeterValues().get(0).rawData().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo(ocmf.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.signedMeterValues().get(0).receivedAt()).isEqualTo(received);
        assertThat(found.signedMeterValues().get(0).context()).isEqualTo("Transaction.Begin");
        assertThat(found.signedMeterValues().get(1).reason()).isEqualTo("no trusted key");
        assertThat(found.signatureStatus()).isEqualTo(VerificationStatus.NOT_VERIFIABLE);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void signedDataThatIsNotUnicodeIsRefusedNotAltered(Backend backend) throws Exception {
        JdbcTransactionLog log = log(backend, backend.newDatabaseUrl());
        Transaction started = log.start(start("e1", "alice", T0, 100));
        assertThatThrownBy(() -> log.attachSignedMeterValue(started.id(),
                new SignedMeterValue("broken \ud800 surrogate", "Transaction.End", Instant.now(),
                        VerificationStatus.NOT_VERIFIABLE, null))).isInstanceOf(TransactionLogException.class);
        assertThatThrownBy(() -> log.attachSignedMeterValue(started.id() + 99,
                new SignedMeterValue("x", "Transaction.End", Instant.now(), VerificationStatus.VERIFIED, null)))
                .isInstanceOf(TransactionLogException.class);
        assertThat(log.find(started.id()).orElseThrow().signedMeterValues()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void streamFiltersPagesAndOrdersOldestFirst(Backend backend) throws Exception {
        JdbcTransactionLog log = log(backend, backend.newDatabaseUrl());
        List<Transaction> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            // inserted out of time order; every third one has signed data
            int hour = (i * 37) % 60;
            OffsetDateTime at = T0.plusHours(hour).withOffsetSameInstant(ZoneOffset.ofHours(i % 3));
            Transaction t = log.start(start("evse-" + (i % 4), i % 5 == 0 ? null : "user-" + (i % 3), at, i * 10L));
            if (i % 3 == 0) {
                t = log.attachSignedMeterValue(t.id(), new SignedMeterValue("sig-" + i, "Transaction.Begin",
                        Instant.parse("2025-01-01T00:00:00Z"), VerificationStatus.VERIFIED, null));
            }
            if (i % 2 == 0) {
                t = log.stop(t.id(), new TransactionStop(at.plusMinutes(30), i * 10L + 7, "Local"));
            }
            all.add(t);
        }
        // a start closes a session left open on the same EVSE: read every one back as it is now
        List<Transaction> current = new ArrayList<>();
        for (Transaction t : all) {
            current.add(log.find(t.id()).orElseThrow());
        }
        all = current;
        all.sort(Comparator.comparing((Transaction t) -> t.start().toInstant()).thenComparing(Transaction::id));

        assertThat(stream(log, TransactionQuery.ALL)).isEqualTo(all);
        Instant from = T0.plusHours(10).toInstant();
        Instant to = T0.plusHours(40).toInstant();
        assertThat(stream(log, new TransactionQuery(from, to, null, null, 0, 0))).isEqualTo(
                filter(all, t -> !t.start().toInstant().isBefore(from) && t.start().toInstant().isBefore(to)));
        assertThat(stream(log, new TransactionQuery(null, null, "evse-2", null, 0, 0)))
                .isEqualTo(filter(all, t -> t.evseId().equals("evse-2"))).hasSize(15);
        assertThat(stream(log, new TransactionQuery(from, null, "evse-1", "user-1", 0, 0))).isEqualTo(filter(all,
                t -> !t.start().toInstant().isBefore(from) && t.evseId().equals("evse-1") && "user-1".equals(t.userId())));
        assertThat(stream(log, new TransactionQuery(null, null, null, null, 10, 25))).isEqualTo(all.subList(10, 35));
        assertThat(stream(log, new TransactionQuery(null, null, null, null, 55, 25))).isEqualTo(all.subList(55, 60));
        assertThat(stream(log, new TransactionQuery(null, null, "nowhere", null, 0, 0))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aConsumerThatFailsDoesNotLeakConnections(Backend backend) throws Exception {
        JdbcTransactionLog log = log(backend, backend.newDatabaseUrl());
        for (int i = 0; i < 3; i++) {
            log.start(start("e" + i, "u", T0.plusHours(i), 0));
        }
        for (int attempt = 0; attempt < 10; attempt++) {
            assertThatThrownBy(() -> log.stream(TransactionQuery.ALL, t -> {
                throw new IllegalStateException("client went away");
            })).isInstanceOf(IllegalStateException.class);
        }
        assertThat(stream(log, TransactionQuery.ALL)).hasSize(3);
        assertThat(log.start(start("e9", "u", T0, 0)).id()).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void retentionDeletesOnlySessionsThatEndedMoreThanSixYearsAgo(Backend backend) throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2032-07-01T12:00:00Z"), ZoneOffset.UTC);
        String url = backend.newDatabaseUrl();
        JdbcTransactionLog log = log(backend, url, clock);
        OffsetDateTime sevenYearsAgo = OffsetDateTime.parse("2025-06-01T10:00:00+02:00");
        Transaction old = log.start(start("e1", "alice", sevenYearsAgo, 0));
        log.attachSignedMeterValue(old.id(), new SignedMeterValue("sig", "Transaction.End", sevenYearsAgo.toInstant(),
                VerificationStatus.VERIFIED, null));
        log.stop(old.id(), new TransactionStop(sevenYearsAgo.plusHours(2), 10_000, "Local"));
        Transaction stillOpen = log.start(start("e2", "bob", sevenYearsAgo, 0));
        Transaction fiveYearsAgo = log.start(start("e1", "alice", OffsetDateTime.parse("2027-06-01T10:00:00Z"), 0));
        log.stop(fiveYearsAgo.id(), new TransactionStop(OffsetDateTime.parse("2027-06-01T12:00:00Z"), 5, "Local"));

        assertThat(log.retentionLimit()).isEqualTo(Instant.parse("2026-07-01T12:00:00Z"));
        assertThatThrownBy(() -> log.deleteEndedBefore(Instant.parse("2027-01-01T00:00:00Z"), "admin"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("6 years");
        assertThat(log.find(fiveYearsAgo.id())).isPresent();

        assertThat(log.deleteEndedBefore(log.retentionLimit(), "admin")).isEqualTo(1);

        assertThat(log.find(old.id())).isEmpty();
        assertThat(log.find(stillOpen.id())).isPresent();
        assertThat(log.find(fiveYearsAgo.id())).isPresent();
        try (Connection connection = open.get(0).dataSource().getConnection();
                ResultSet result = connection.createStatement().executeQuery(
                        "SELECT performed_by, transactions_deleted FROM cm_retention_log")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("admin");
            assertThat(result.getLong(2)).isEqualTo(1);
            assertThat(result.next()).isFalse();
        }
    }

    static List<Transaction> stream(JdbcTransactionLog log, TransactionQuery query) throws TransactionLogException {
        List<Transaction> result = new ArrayList<>();
        log.stream(query, result::add);
        return result;
    }

    private static List<Transaction> filter(List<Transaction> all, Predicate<Transaction> predicate) {
        return all.stream().filter(predicate).toList();
    }

}
