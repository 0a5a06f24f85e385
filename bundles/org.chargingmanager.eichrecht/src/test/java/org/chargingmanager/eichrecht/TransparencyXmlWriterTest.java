package org.chargingmanager.eichrecht;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.Samples;
import org.chargingmanager.eichrecht.internal.Transactions;
import org.chargingmanager.eichrecht.internal.TransparencyRules;
import org.chargingmanager.eichrecht.internal.TransparencySchema;
import org.chargingmanager.eichrecht.internal.codec.Hex;
import org.chargingmanager.eichrecht.internal.format.TransparencyXmlReader;
import org.chargingmanager.eichrecht.internal.signing.EvseReadingSigner;
import org.chargingmanager.eichrecht.internal.signing.OcmfRecordSigner;
import org.chargingmanager.eichrecht.internal.signing.SigningKeyFile;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransparencyXmlWriterTest {

    @TempDir
    Path keys;

    private final SignedDataVerifier verifier = new SignedDataVerifier();

    @Test
    void exportVerifiesAndSatisfiesTheTransparencySoftware() throws Exception {
        EvseReadingSigner signer = new EvseReadingSigner("e1",
                new OcmfRecordSigner(SigningKeyFile.loadOrCreate(keys, new SecureRandom())));
        Transaction first = signed(signer, 1, "2024-05-01T10:00:00+02:00", 1000, 5000, false);
        Transaction second = signed(signer, 2, "2024-05-02T10:00:00+02:00", 5000, 9000, true);
        String keba = Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf");
        Transaction kebaTx = Transactions.withSignedData(
                Transactions.closed(Transactions.open(3, "e2", "2019-08-13T10:03:15Z", 260), "2019-08-13T10:03:36Z",
                        260), keba);
        Map<String, String> trustedKeys = Map.of("e1", signer.publicKey(), "e2",
                Samples.text("/ocmf/keba-kcp30-secp256r1.pubkey"));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransparencyXmlWriter.writeAll(out, List.of(first, second, kebaTx).iterator(), trustedKeys::get, null);

        TransparencySchema.validate(out.toByteArray());
        String xml = out.toString(StandardCharsets.UTF_8);
        assertThat(xml).startsWith("<?xml").contains("<values>", "format=\"OCMF\"", "encoding=\"plain\"",
                "<publicKey encoding=\"hex\">", "context=\"Transaction.Begin\"", "context=\"Transaction.End\"");
        List<TransparencyXmlReader.Value> values = TransparencyXmlReader
                .read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(values).hasSize(5);
        for (TransparencyXmlReader.Value value : values) {
            assertThat(verifier.verify(value.signedData(), value.publicKey()).status()).isEqualTo(VerificationStatus.VERIFIED);
            assertThat(value.signedData()).startsWith("OCMF|");
        }
        Map<String, List<String>> byTransaction = values.stream().collect(Collectors.groupingBy(
                TransparencyXmlReader.Value::transactionId, Collectors.mapping(TransparencyXmlReader.Value::signedData,
                        Collectors.toList())));
        assertThat(byTransaction).containsOnlyKeys("1", "2", "3");
        for (List<String> records : byTransaction.values()) {
            assertThat(TransparencyRules.violations(records)).isEmpty();
        }
    }

    @Test
    void selectionsPickOneTransactionOneEvseOrADateRange() throws Exception {
        EvseReadingSigner signer = new EvseReadingSigner("e1",
                new OcmfRecordSigner(SigningKeyFile.loadOrCreate(keys, new SecureRandom())));
        List<Transaction> all = List.of(signed(signer, 1, "2024-05-01T10:00:00Z", 0, 10, false),
                signed(new EvseReadingSigner("e2", new OcmfRecordSigner(SigningKeyFile.loadOrCreate(keys, null))), 2,
                        "2024-05-02T10:00:00Z", 0, 10, false),
                signed(signer, 3, "2024-06-01T10:00:00Z", 0, 10, false));

        assertThat(ids(all, ExportSelection.transaction(2))).containsExactly("2", "2");
        assertThat(ids(all, ExportSelection.evse("e1", null, null))).containsExactly("1", "1", "3", "3");
        assertThat(ids(all, ExportSelection.all(Instant.parse("2024-05-02T00:00:00Z"),
                Instant.parse("2024-06-01T10:00:00Z")))).containsExactly("2", "2");
        assertThat(ExportSelection.evse("e1", null, null).query().evseId()).isEqualTo("e1");
    }

    @Test
    void aRejectionMarkerWithoutDataIsNotExported() throws Exception {
        String keba = Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf");
        // begin verified; the end value was rejected by the stored key: only a marker without data is kept
        Transaction t = Transactions.withSignedData(Transactions.open(8, "e8", "2019-08-13T10:03:15Z", 260), keba, "");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransparencyXmlWriter.writeAll(out, List.of(t).iterator(), evse -> null, null);

        List<TransparencyXmlReader.Value> values = TransparencyXmlReader.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(values).singleElement().satisfies(v -> assertThat(v.signedData()).isEqualTo(keba));
    }

    @Test
    void wrappedDataIsExportedPlainAndWithoutStoredKeyTheKeyIsLeftOut() throws Exception {
        String keba = Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf");
        Transaction t = Transactions.withSignedData(Transactions.open(9, "e9", "2019-08-13T10:03:15Z", 260),
                Hex.encode(keba.getBytes(StandardCharsets.UTF_8)));

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransparencyXmlWriter.writeAll(out, List.of(t).iterator(), evse -> null, null);

        List<TransparencyXmlReader.Value> values = TransparencyXmlReader.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(values).singleElement().satisfies(v -> {
            assertThat(v.signedData()).isEqualTo(keba);
            assertThat(v.publicKey()).isNull();
        });
    }

    private List<String> ids(List<Transaction> all, ExportSelection selection) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransparencyXmlWriter.writeAll(out, all.iterator(), evse -> null, selection);
        return TransparencyXmlReader.read(new ByteArrayInputStream(out.toByteArray())).stream()
                .map(TransparencyXmlReader.Value::transactionId).toList();
    }

    private static Transaction signed(EvseReadingSigner signer, long id, String start, long from, long to,
            boolean hexWrapped) {
        Transaction open = Transactions.open(id, signer.evseId(), start, from);
        Transaction closed = Transactions.closed(open, start.replace("T10", "T11"), to);
        String begin = signer.signTransactionBegin(open);
        String end = signer.signTransactionEnd(closed);
        if (hexWrapped) {
            begin = Hex.encode(begin.getBytes(StandardCharsets.UTF_8));
        }
        return Transactions.withSignedData(closed, begin, end);
    }
}
