package org.chargingmanager.eichrecht;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.Samples.Sample;
import org.chargingmanager.eichrecht.internal.Samples;
import org.chargingmanager.eichrecht.internal.Transactions;
import org.chargingmanager.eichrecht.internal.TransparencySchema;
import org.chargingmanager.eichrecht.internal.codec.Hex;
import org.chargingmanager.eichrecht.internal.format.TransparencyXmlReader;
import org.chargingmanager.eichrecht.internal.signing.EvseReadingSigner;
import org.chargingmanager.eichrecht.internal.signing.OcmfRecordSigner;
import org.chargingmanager.eichrecht.internal.signing.SigningKeyFile;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXParseException;

/**
 * Every export validates against the transparency software's import schema
 * ({@link TransparencySchema}), and what validates still verifies with the own verifier.
 */
class TransparencyXmlSchemaTest {

    @TempDir
    Path keys;

    private final SignedDataVerifier verifier = new SignedDataVerifier();

    /**
     * One session per real sample: OCMF on secp256r1, brainpoolP256r1 and secp384r1, Alfen on
     * secp192r1, each as received (raw), as hex and inside the OCA JSON container, plus sessions
     * signed by the internal key (secp256r1).
     */
    @Test
    void everyFormatCurveAndWrappingValidatesAndVerifies() throws Exception {
        List<Transaction> transactions = new ArrayList<>();
        Map<String, String> trustedKeys = new HashMap<>();
        long id = 1;
        for (Sample sample : Samples.verifying()) {
            String evse = "evse-" + id;
            trustedKeys.put(evse, sample.publicKey());
            String hex = Hex.encode(sample.signedData().getBytes(StandardCharsets.UTF_8));
            String container = "{\"signedMeterData\":\""
                    + Base64.getEncoder().encodeToString(sample.signedData().getBytes(StandardCharsets.UTF_8))
                    + "\",\"encodingMethod\":\"" + (sample.signedData().startsWith("OCMF") ? "OCMF" : "Alfen") + "\"}";
            transactions.add(Transactions.withSignedData(
                    Transactions.open(id++, evse, "2024-05-01T10:00:00Z", 0), sample.signedData(), hex, container));
        }
        EvseReadingSigner signer = new EvseReadingSigner("internal",
                new OcmfRecordSigner(SigningKeyFile.loadOrCreate(keys, new SecureRandom())));
        trustedKeys.put("internal", signer.publicKey());
        Transaction open = Transactions.open(id, "internal", "2024-05-02T10:00:00+02:00", 1_000);
        Transaction closed = Transactions.closed(open, "2024-05-02T11:00:00+02:00", 4_500);
        transactions.add(Transactions.withSignedData(closed, signer.signTransactionBegin(open),
                signer.signTransactionEnd(closed)));

        byte[] xml = export(transactions, trustedKeys, null);
        TransparencySchema.validate(xml);

        List<TransparencyXmlReader.Value> values = TransparencyXmlReader.read(new java.io.ByteArrayInputStream(xml));
        assertThat(values).hasSize(3 * (transactions.size() - 1) + 2);
        for (TransparencyXmlReader.Value value : values) {
            assertThat(value.publicKey()).as("transaction %s", value.transactionId()).isNotNull();
            assertThat(verifier.verify(value.signedData(), value.publicKey()).status())
                    .as("transaction %s", value.transactionId()).isEqualTo(VerificationStatus.VERIFIED);
        }
        assertThat(new String(xml, StandardCharsets.UTF_8)).contains("format=\"OCMF\"", "format=\"ALFEN\"");
    }

    @Test
    void aSessionWithoutTrustedKeyHasNoPublicKeyAndStillValidates() throws Exception {
        String keba = Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf");
        Transaction t = Transactions.withSignedData(Transactions.open(5, "unknown", "2019-08-13T10:03:15Z", 260), keba);

        byte[] xml = export(List.of(t), Map.of(), null);

        TransparencySchema.validate(xml);
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("publicKey").contains("<signedData");
    }

    @Test
    void theExportOfOneEvseAndOfAllSessionsValidate() throws Exception {
        String keba = Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf");
        String key = Samples.text("/ocmf/keba-kcp30-secp256r1.pubkey");
        List<Transaction> all = List.of(
                Transactions.withSignedData(Transactions.open(1, "garage-1", "2019-08-13T10:03:15Z", 260), keba, keba),
                Transactions.withSignedData(Transactions.open(2, "garage-2", "2019-08-14T10:03:15Z", 260), keba),
                Transactions.open(3, "garage-1", "2019-08-15T10:03:15Z", 260));
        Map<String, String> trustedKeys = Map.of("garage-1", key);

        byte[] one = export(all, trustedKeys, ExportSelection.evse("garage-1", null, null));
        TransparencySchema.validate(one);
        assertThat(TransparencyXmlReader.read(new java.io.ByteArrayInputStream(one)))
                .extracting(TransparencyXmlReader.Value::transactionId).containsExactly("1", "1");

        byte[] every = export(all, trustedKeys, null);
        TransparencySchema.validate(every);
        assertThat(TransparencyXmlReader.read(new java.io.ByteArrayInputStream(every))).hasSize(3);

        byte[] none = export(List.of(), trustedKeys, null);
        TransparencySchema.validate(none);
    }

    /** 50,000 sessions (about 90 MB) through a pipe: written and validated as they stream, never held whole. */
    @Test
    void aHugeExportStreamsThroughTheValidator() throws Exception {
        String keba = Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf");
        String key = Samples.text("/ocmf/keba-kcp30-secp256r1.pubkey");
        Transaction template = Transactions.withSignedData(
                Transactions.open(0, "garage-1", "2019-08-13T10:03:15Z", 260), keba, keba);
        int sessions = 50_000;
        Iterator<Transaction> generated = new Iterator<>() {
            private int next = 1;

            @Override
            public boolean hasNext() {
                return next <= sessions;
            }

            @Override
            public Transaction next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Transaction t = template;
                return new Transaction(next++, t.evseId(), t.chargeBoxId(), t.connectorId(), t.userId(), t.idTag(),
                        t.start(), t.end(), t.meterStartWattHours(), t.meterStopWattHours(), t.stopReason(),
                        t.signedMeterValues(), t.signatureStatus());
            }
        };
        PipedInputStream in = new PipedInputStream(64 * 1024);
        PipedOutputStream out = new PipedOutputStream(in);
        CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
            try (out) {
                TransparencyXmlWriter.writeAll(out, generated, evse -> key, null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        long values = TransparencySchema.validateStreaming(in);

        writing.get(2, TimeUnit.MINUTES);
        assertThat(values).isEqualTo(2L * sessions);
    }

    /** The order the export had before (signedData first) is what the software's schema refuses. */
    @Test
    void theSchemaRefusesSignedDataBeforePublicKey() {
        String wrongOrder = """
                <?xml version="1.0" encoding="UTF-8"?>
                <values>
                  <value transactionId="1" context="Transaction.Begin">
                    <signedData format="OCMF" encoding="plain">OCMF|{}|{}</signedData>
                    <publicKey encoding="hex">3059</publicKey>
                  </value>
                </values>
                """;
        assertThatThrownBy(() -> TransparencySchema.validate(wrongOrder.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SAXParseException.class).hasMessageContaining("publicKey");
    }

    private static byte[] export(List<Transaction> transactions, Map<String, String> trustedKeys,
            ExportSelection selection) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TransparencyXmlWriter.writeAll(out, transactions.iterator(), trustedKeys::get, selection);
        return out.toByteArray();
    }
}
