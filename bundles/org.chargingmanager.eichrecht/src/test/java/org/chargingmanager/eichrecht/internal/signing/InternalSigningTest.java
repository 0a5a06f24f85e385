package org.chargingmanager.eichrecht.internal.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.VerificationResult;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.MeterReadingAgreement;
import org.chargingmanager.eichrecht.internal.Transactions;
import org.chargingmanager.eichrecht.internal.TransparencyRules;
import org.chargingmanager.eichrecht.internal.crypto.EcCurve;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs.EcKeyPair;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalSigningTest {

    @TempDir
    Path keys;

    private final SignedDataVerifier verifier = new SignedDataVerifier();

    @Test
    void keyPairIsCreatedOnceOwnerOnlyAndReloaded() throws Exception {
        EcKeyPair created = SigningKeyFile.loadOrCreate(keys, new SecureRandom());
        EcKeyPair reloaded = SigningKeyFile.loadOrCreate(keys, new SecureRandom());

        Path file = keys.resolve(SigningKeyFile.FILE_NAME);
        assertThat(created.curve()).isEqualTo(EcCurve.SECP256R1);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(reloaded.publicKey().sameKeyAs(created.publicKey())).isTrue();
        assertThat(reloaded.privateKey().getD()).isEqualTo(created.privateKey().getD());
        try (var stream = Files.list(keys)) {
            assertThat(stream).containsExactly(file);
        }
    }

    @Test
    void beginAndEndRecordsVerifyAndSatisfyTheTransparencySoftware() throws Exception {
        EvseReadingSigner signer = new EvseReadingSigner("garage|1\"",
                new OcmfRecordSigner(SigningKeyFile.loadOrCreate(keys, new SecureRandom())));
        Transaction open = Transactions.open(7, "garage|1\"", "2024-05-01T10:00:00.250+02:00", 1_234_567);
        Transaction closed = Transactions.closed(open, "2024-05-01T12:30:00+02:00", 1_245_678);

        String begin = signer.signTransactionBegin(open);
        String end = signer.signTransactionEnd(closed);

        VerificationResult beginResult = verifier.verify(begin, signer.publicKey());
        VerificationResult endResult = verifier.verify(end, signer.publicKey());
        assertThat(beginResult.status()).as(beginResult.reason()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(endResult.status()).as(endResult.reason()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(begin.split("\\|")).hasSize(3);
        assertThat(begin).contains("\"FV\":\"1.0\"", "\"PG\":\"T13\"", "\"RV\":1234.567", "\"RU\":\"kWh\"",
                "\"RI\":\"1-b:1.8.0\"", "\"ST\":\"G\"", "\"TM\":\"2024-05-01T10:00:00,250+0200 I\"");
        assertThat(end).contains("\"PG\":\"T14\"", "\"TX\":\"E\"", "\"RV\":1245.678");
        assertThat(TransparencyRules.violations(List.of(begin, end))).isEmpty();
        assertThat(beginResult.readings().get(0).energyWattHours()).isEqualTo(1_234_567.0);
        var both = new java.util.ArrayList<>(beginResult.readings());
        both.addAll(endResult.readings());
        assertThat(MeterReadingAgreement.check(closed, both).agrees()).isTrue();
    }

    @Test
    void anOpenTransactionHasNoEndRecord() throws Exception {
        EvseReadingSigner signer = new EvseReadingSigner("e1",
                new OcmfRecordSigner(SigningKeyFile.loadOrCreate(keys, new SecureRandom())));

        assertThatThrownBy(() -> signer.signTransactionEnd(Transactions.open(1, "e1", "2024-05-01T10:00:00Z", 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
