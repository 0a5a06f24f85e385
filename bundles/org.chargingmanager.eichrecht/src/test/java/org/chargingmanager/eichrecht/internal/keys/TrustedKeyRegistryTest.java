package org.chargingmanager.eichrecht.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.chargingmanager.api.eichrecht.SignedDataAdmission;
import org.chargingmanager.api.eichrecht.TrustedKeyState;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.Samples.Sample;
import org.chargingmanager.eichrecht.internal.Samples;
import org.chargingmanager.eichrecht.internal.Tampering;
import org.chargingmanager.eichrecht.internal.crypto.EcCurve;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs;
import org.chargingmanager.eichrecht.internal.crypto.PublicKeyParser;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustedKeyRegistryTest {

    @TempDir
    Path directory;

    private final Clock clock = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);
    private final Sample keba = Samples.verifyingOcmf().get(1);
    private final Sample alfen = Samples.alfen("VERIFIED").get(0);

    private TrustedKeyRegistry registry() {
        return new TrustedKeyRegistry(directory, new SignedDataVerifier(), clock);
    }

    @Test
    void withoutKeyDataIsStoredAsNotVerifiable() {
        SignedDataAdmission admission = registry().admit("e1", keba.signedData());

        assertThat(admission.accepted()).isTrue();
        assertThat(admission.result().status()).isEqualTo(VerificationStatus.NOT_VERIFIABLE);
        assertThat(admission.key()).isNull();
    }

    @Test
    void embeddedKeyIsAdoptedUnconfirmedAndCountsOnlyAfterConfirmation() {
        TrustedKeyRegistry registry = registry();

        SignedDataAdmission first = registry.admit("e1", alfen.signedData());

        assertThat(first.accepted()).isTrue();
        assertThat(first.key().state()).isEqualTo(TrustedKeyState.UNCONFIRMED);
        assertThat(first.key().source()).isEqualTo("signed data");
        assertThat(first.result().status()).isEqualTo(VerificationStatus.NOT_VERIFIABLE);
        assertThat(first.result().reason()).contains("not confirmed");

        registry.confirm("e1");

        assertThat(registry.admit("e1", alfen.signedData()).result().status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void onceAKeyIsStoredDataThatDoesNotVerifyIsRejected() {
        TrustedKeyRegistry registry = registry();
        registry.enter("e1", keba.publicKey(), "admin");

        SignedDataAdmission good = registry.admit("e1", keba.signedData());
        SignedDataAdmission tampered = registry.admit("e1", Tampering.changeReadingDigit(keba.signedData()));
        SignedDataAdmission otherMeter = registry.admit("e1", alfen.signedData());

        assertThat(good.accepted()).isTrue();
        assertThat(good.result().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(tampered.accepted()).isFalse();
        assertThat(tampered.result().status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(otherMeter.accepted()).isFalse();
        assertThat(otherMeter.result().status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(registry.find("e1").orElseThrow().publicKey()).isEqualTo(keba.publicKey().toUpperCase());
    }

    @Test
    void anUnconfirmedKeyAlsoRejectsDataThatDoesNotVerify() {
        TrustedKeyRegistry registry = registry();
        registry.admit("e1", alfen.signedData());

        SignedDataAdmission other = registry.admit("e1", Samples.alfen("VERIFIED").get(1).signedData());

        assertThat(other.accepted()).isFalse();
        assertThat(other.result().status()).isEqualTo(VerificationStatus.FAILED);
    }

    @Test
    void unsupportedFormatsAreStoredEvenWithAKey() {
        TrustedKeyRegistry registry = registry();
        registry.enter("e1", keba.publicKey(), "admin");

        SignedDataAdmission edl = registry.admit("e1", Samples.xml("/safe/edl-40-01.xml").get(0).signedData());

        assertThat(edl.accepted()).isTrue();
        assertThat(edl.result().status()).isEqualTo(VerificationStatus.NOT_VERIFIABLE);
    }

    @Test
    void offeredKeysNeverReplaceAStoredKey() throws Exception {
        TrustedKeyRegistry registry = registry();
        String other = EcKeyPairs.generate(EcCurve.SECP256R1, new SecureRandom()).publicKey().spkiHex();

        assertThat(registry.offer("e1", keba.publicKey(), "charger configuration").orElseThrow().state())
                .isEqualTo(TrustedKeyState.UNCONFIRMED);
        assertThat(registry.offer("e1", other, "charger configuration").orElseThrow().publicKey())
                .isEqualTo(PublicKeyParser.normalise(keba.publicKey()));
        assertThat(registry.enter("e1", other, "admin").state()).isEqualTo(TrustedKeyState.CONFIRMED);
        assertThat(registry.find("e1").orElseThrow().publicKey()).isEqualTo(other);
    }

    @Test
    void keysSurviveARestartAndCanBeRemoved() {
        registry().enter("Garage 1/A", keba.publicKey(), "admin");
        registry().offer("e2", alfen.publicKey() /* base32 point without curve */, "charger configuration");

        TrustedKeyRegistry restarted = registry();

        assertThat(restarted.all()).extracting(k -> k.evseId()).containsExactly("Garage 1/A");
        assertThat(restarted.find("Garage 1/A").orElseThrow().storedAt()).isEqualTo(clock.instant());
        assertThat(restarted.remove("Garage 1/A")).isTrue();
        assertThat(registry().all()).isEmpty();
    }

    @Test
    void enteringSomethingThatIsNoKeyIsRefused() {
        assertThatThrownBy(() -> registry().enter("e1", "hello", "admin")).isInstanceOf(IllegalArgumentException.class);
    }
}
