package org.chargingmanager.eichrecht.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.ExportSelection;
import org.chargingmanager.eichrecht.internal.Samples;
import org.chargingmanager.eichrecht.internal.TransparencySchema;
import org.chargingmanager.eichrecht.internal.format.TransparencyXmlReader;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;
import org.junit.jupiter.api.Test;

class SignedValuesExportTest {

    private static final String DATA = Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf").strip();
    private static final String KEY = Samples.text("/ocmf/keba-kcp30-secp256r1.pubkey").strip();
    private static final OffsetDateTime JAN = OffsetDateTime.of(2026, 1, 15, 18, 0, 0, 0, ZoneOffset.UTC);

    private final List<Transaction> transactions = List.of(
            transaction(1, "garage-1", JAN, DATA),
            transaction(2, "garage-2", JAN.plusDays(1), DATA),
            transaction(3, "garage-1", JAN.plusDays(2), null));
    private final List<TransactionQuery> queries = new ArrayList<>();

    private final TransactionLog log = new TransactionLog() {
        @Override
        public Transaction start(TransactionStart start) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Transaction stop(long transactionId, TransactionStop stop) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Transaction> find(long transactionId) {
            return transactions.stream().filter(t -> t.id() == transactionId).findFirst();
        }

        @Override
        public Optional<Transaction> findOpen(String evseId) {
            return Optional.empty();
        }

        @Override
        public Transaction attachSignedMeterValue(long transactionId, SignedMeterValue value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void stream(TransactionQuery query, Consumer<Transaction> consumer) {
            queries.add(query);
            transactions.stream().filter(t -> query.evseId() == null || query.evseId().equals(t.evseId()))
                    .forEach(consumer);
        }
    };

    private final SignedValuesExport export = new SignedValuesExport(log,
            evse -> evse.equals("garage-1") ? KEY : null, ZoneId.of("Europe/Berlin"));

    private static Transaction transaction(long id, String evse, OffsetDateTime start, String signed) {
        List<SignedMeterValue> values = signed == null ? List.of()
                : List.of(new SignedMeterValue(signed, "Transaction.End", Instant.now(), VerificationStatus.VERIFIED, ""));
        return new Transaction(id, evse, "CB", 1, "alice", "04A1", start, start.plusHours(1), 100, 200L, "Local",
                values, null);
    }

    private static List<TransparencyXmlReader.Value> read(ByteArrayOutputStream out) throws Exception {
        TransparencySchema.validate(out.toByteArray());
        return TransparencyXmlReader.read(new ByteArrayInputStream(out.toByteArray()));
    }

    @Test
    void oneTransactionWithItsTrustedKeyVerifies() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(export.transaction("1"), out);
        List<TransparencyXmlReader.Value> values = read(out);
        assertThat(values).hasSize(1);
        assertThat(values.get(0).signedData()).isEqualTo(DATA);
        assertThat(values.get(0).transactionId()).isEqualTo("1");
        assertThat(values.get(0).publicKey()).isEqualToIgnoringCase(KEY);
        assertThat(new SignedDataVerifier().verify(values.get(0).signedData(), values.get(0).publicKey()).status())
                .isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void selectionStreamsTheLogAndLeavesOutUnknownKeys() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(export.selection(Map.of()), out);
        List<TransparencyXmlReader.Value> values = read(out);
        assertThat(values).extracting(TransparencyXmlReader.Value::transactionId).containsExactly("1", "2");
        assertThat(values.get(1).publicKey()).isNull();

        out.reset();
        ExportSelection selection = export.selection(Map.of("evse", new String[] { "garage-2" }, "from",
                new String[] { "2026-01-16" }));
        assertThat(selection).isEqualTo(ExportSelection.evse("garage-2", Instant.parse("2026-01-15T23:00:00Z"), null));
        export.write(selection, out);
        assertThat(read(out)).extracting(TransparencyXmlReader.Value::transactionId).containsExactly("2");
        assertThat(queries.get(1).evseId()).isEqualTo("garage-2");
    }

    @Test
    void refusals() {
        assertThatThrownBy(() -> export.transaction("x")).isInstanceOfSatisfying(SignedValuesExport.Refusal.class,
                r -> assertThat(r.status).isEqualTo(400));
        assertThatThrownBy(() -> export.transaction("99")).isInstanceOfSatisfying(SignedValuesExport.Refusal.class,
                r -> assertThat(r.status).isEqualTo(404));
        assertThatThrownBy(() -> export.selection(Map.of("from", new String[] { "yesterday" })))
                .isInstanceOfSatisfying(SignedValuesExport.Refusal.class, r -> assertThat(r.parameter).isEqualTo("from"));
        assertThatThrownBy(() -> export.selection(Map.of("user", new String[] { "a" })))
                .isInstanceOfSatisfying(SignedValuesExport.Refusal.class, r -> assertThat(r.parameter).isEqualTo("user"));
        assertThatThrownBy(() -> export.selection(Map.of("from", new String[] { "2026-02-01" }, "to",
                new String[] { "2026-01-01" }))).isInstanceOfSatisfying(SignedValuesExport.Refusal.class,
                        r -> assertThat(r.parameter).isEqualTo("to"));
    }
}
