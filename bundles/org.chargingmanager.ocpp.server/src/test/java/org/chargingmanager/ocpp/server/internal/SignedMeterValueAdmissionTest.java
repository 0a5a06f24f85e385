package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.SignedDataAdmission;
import org.chargingmanager.api.eichrecht.SignedReading;
import org.chargingmanager.api.eichrecht.TrustedKey;
import org.chargingmanager.api.eichrecht.TrustedKeyState;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.eichrecht.VerificationResult;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.AuthorizationStatus;
import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.MeterValue;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.core.SampledValue;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;
import eu.chargetime.ocpp.model.core.ValueFormat;

/**
 * What the server does with the trusted-key service's decision on SignedData: rejected data is
 * not stored, only a FAILED marker; verified data whose readings disagree with meterStart or
 * meterStop is FAILED; verified and agreeing data is VERIFIED.
 */
class SignedMeterValueAdmissionTest {

    @TempDir
    static Path data;
    static TestSite site;

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data);
        site.rfids.put("RFID-OK", org.chargingmanager.api.billing.AuthorizationStatus.ACCEPTED);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** Verifies "GOOD:<begin Wh>:<end Wh>", rejects anything else as not matching the stored key. */
    private static final class FakeTrustedKeys implements TrustedKeys {
        private final TrustedKey key = new TrustedKey("any", "04ab", TrustedKeyState.CONFIRMED, "admin", Instant.now());

        @Override
        public SignedDataAdmission admit(String evseId, String signedData) {
            if (!signedData.startsWith("GOOD:")) {
                return new SignedDataAdmission(new VerificationResult(VerificationStatus.FAILED,
                        "the signature does not match the stored key", "OCMF", null, List.of()), false, key);
            }
            String[] parts = signedData.split(":");
            return new SignedDataAdmission(new VerificationResult(VerificationStatus.VERIFIED, "", "OCMF", null,
                    List.of(new SignedReading(Instant.now(), "B", "1-b:1.8.0", Double.parseDouble(parts[1]), "G"),
                            new SignedReading(Instant.now(), "E", "1-b:1.8.0", Double.parseDouble(parts[2]), "G"))),
                    true, key);
        }

        @Override
        public Optional<TrustedKey> find(String evseId) {
            return Optional.of(key);
        }

        @Override
        public List<TrustedKey> all() {
            return List.of(key);
        }

        @Override
        public TrustedKey enter(String evseId, String publicKey, String source) {
            return key;
        }

        @Override
        public Optional<TrustedKey> confirm(String evseId) {
            return Optional.of(key);
        }

        @Override
        public boolean remove(String evseId) {
            return false;
        }

        @Override
        public Optional<TrustedKey> offer(String evseId, String publicKey, String source) {
            return Optional.of(key);
        }
    }

    private Transaction session(String id, String signedEnd, int meterStart, int meterStop) throws Exception {
        site.trustedKeys = new FakeTrustedKeys();
        try (OcaCharger charger = new OcaCharger(id, null, null).connect(site.url("/ocpp"))) {
            assertThat(((BootNotificationConfirmation) charger.send(charger.core.createBootNotificationRequest("OCA", "Java")))
                    .getStatus()).isEqualTo(RegistrationStatus.Accepted);
            StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(
                    charger.core.createStartTransactionRequest(1, "RFID-OK", meterStart, ZonedDateTime.now()));
            SampledValue signed = new SampledValue(signedEnd);
            signed.setFormat(ValueFormat.SignedData);
            signed.setContext("Transaction.End");
            StopTransactionRequest stop = charger.core.createStopTransactionRequest(meterStop, ZonedDateTime.now(),
                    started.getTransactionId());
            stop.setTransactionData(new MeterValue[] {new MeterValue(ZonedDateTime.now(), new SampledValue[] {signed})});
            charger.send(stop);
            return site.transactions.find(started.getTransactionId()).orElseThrow();
        } finally {
            site.trustedKeys = null;
        }
    }

    @Test
    void verifiedDataThatAgreesIsStoredVerified() throws Exception {
        Transaction transaction = session("CP-SIGNED-OK", "GOOD:1000:3000", 1_000, 3_000);
        assertThat(transaction.signedMeterValues()).singleElement().satisfies(value -> {
            assertThat(value.rawData()).isEqualTo("GOOD:1000:3000");
            assertThat(value.status()).isEqualTo(VerificationStatus.VERIFIED);
        });
        assertThat(transaction.signatureStatus()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void rejectedDataIsNotStoredButTheTransactionFails() throws Exception {
        Transaction transaction = session("CP-SIGNED-BAD", "OCMF|tampered|x", 1_000, 3_000);
        assertThat(site.transactions.signed).doesNotContain("OCMF|tampered|x");
        assertThat(transaction.signedMeterValues()).singleElement().satisfies(value -> {
            assertThat(value.rawData()).isEmpty();
            assertThat(value.status()).isEqualTo(VerificationStatus.FAILED);
            assertThat(value.reason()).startsWith("rejected").contains("does not match the stored key");
            assertThat(value.context()).isEqualTo("Transaction.End");
        });
        assertThat(transaction.signatureStatus()).isEqualTo(VerificationStatus.FAILED);
    }

    @Test
    void verifiedDataWhoseEndReadingDisagreesWithMeterStopFails() throws Exception {
        Transaction transaction = session("CP-SIGNED-DIFF", "GOOD:1000:2500", 1_000, 3_000);
        assertThat(transaction.signedMeterValues()).singleElement().satisfies(value -> {
            assertThat(value.status()).isEqualTo(VerificationStatus.FAILED);
            assertThat(value.reason()).contains("differs from the meter stop 3000 Wh");
        });
        assertThat(transaction.signatureStatus()).isEqualTo(VerificationStatus.FAILED);
    }

    @Test
    void aResentStopTransactionForAStoppedTransactionIsConfirmedAndAttachesNothing() throws Exception {
        site.trustedKeys = new FakeTrustedKeys();
        try (OcaCharger charger = new OcaCharger("CP-SIGNED-RESEND", null, null).connect(site.url("/ocpp"))) {
            charger.send(charger.core.createBootNotificationRequest("OCA", "Java"));
            StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(
                    charger.core.createStartTransactionRequest(1, "RFID-OK", 1_000, ZonedDateTime.now()));
            SampledValue signed = new SampledValue("GOOD:1000:3000");
            signed.setFormat(ValueFormat.SignedData);
            signed.setContext("Transaction.End");
            StopTransactionRequest stop = charger.core.createStopTransactionRequest(3_000, ZonedDateTime.now(),
                    started.getTransactionId());
            stop.setIdTag("RFID-OK");
            stop.setTransactionData(new MeterValue[] {new MeterValue(ZonedDateTime.now(), new SampledValue[] {signed})});
            charger.send(stop);
            Transaction afterFirst = site.transactions.find(started.getTransactionId()).orElseThrow();
            assertThat(afterFirst.open()).isFalse();
            assertThat(afterFirst.signedMeterValues()).hasSize(1);

            // the charger lost our confirmation and sends the same StopTransaction again
            StopTransactionConfirmation again = (StopTransactionConfirmation) charger.send(stop);

            assertThat(again.getIdTagInfo().getStatus()).isEqualTo(AuthorizationStatus.Accepted);
            Transaction afterResend = site.transactions.find(started.getTransactionId()).orElseThrow();
            assertThat(afterResend.signedMeterValues()).hasSize(1);
            assertThat(site.transactions.signed).containsOnlyOnce("GOOD:1000:3000");
            assertThat(afterResend).isEqualTo(afterFirst);
        } finally {
            site.trustedKeys = null;
        }
    }
}
