package org.chargingmanager.eichrecht.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;

import org.chargingmanager.api.eichrecht.VerificationResult;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.Samples.Sample;
import org.chargingmanager.eichrecht.internal.Samples;
import org.chargingmanager.eichrecht.internal.Tampering;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs;
import org.chargingmanager.eichrecht.internal.crypto.PublicKeyParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RealSamplesTest {

    private final SignedDataVerifier verifier = new SignedDataVerifier();

    static List<Sample> samples() {
        return Samples.verifying();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void verifiesWithItsKey(Sample sample) {
        VerificationResult result = verifier.verify(sample.signedData(), sample.publicKey());

        assertThat(result.status()).as(result.reason()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(result.reason()).isEmpty();
        assertThat(result.readings()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void failsWhenADigitOfAReadingChanges(Sample sample) {
        String tampered = Tampering.changeReadingDigit(sample.signedData());

        VerificationResult result = verifier.verify(tampered, sample.publicKey());

        assertThat(tampered).isNotEqualTo(sample.signedData());
        assertThat(result.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(result.reason()).contains("signature does not match");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void failsWhenASignatureBitFlips(Sample sample) {
        VerificationResult result = verifier.verify(Tampering.flipSignatureBit(sample.signedData()), sample.publicKey());

        assertThat(result.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(result.reason()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void failsWithAnotherKeyOnTheSameCurve(Sample sample) throws Exception {
        var curve = PublicKeyParser.parse(sample.publicKey(),
                sample.signedData().startsWith("AP;") ? org.chargingmanager.eichrecht.internal.crypto.EcCurve.SECP192R1
                        : null).curve();
        String otherKey = EcKeyPairs.generate(curve, new SecureRandom()).publicKey().spkiHex();

        VerificationResult result = verifier.verify(sample.signedData(), otherKey);

        assertThat(result.status()).isEqualTo(VerificationStatus.FAILED);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void withoutTrustedKeyIsNotVerifiable(Sample sample) {
        VerificationResult result = verifier.verify(sample.signedData(), null);

        assertThat(result.status()).isEqualTo(VerificationStatus.NOT_VERIFIABLE);
        assertThat(result.reason()).isEqualTo("no trusted public key");
    }

    @Test
    void readsReadingsInWattHours() {
        Sample keba = Samples.verifying().stream().filter(s -> s.name().equals("keba-kcp30-secp256r1")).findFirst()
                .orElseThrow();

        VerificationResult result = verifier.verify(keba.signedData(), keba.publicKey());

        assertThat(result.format()).isEqualTo("OCMF");
        assertThat(result.readings()).extracting(r -> r.type(), r -> r.obis(), r -> r.energyWattHours(),
                r -> r.status()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("B", "1-b:1.8.0", 259.6, "G"),
                        org.assertj.core.groups.Tuple.tuple("E", "1-b:1.8.0", 259.7, "G"));
        assertThat(result.readings().get(0).time()).hasToString("2019-08-13T10:03:15Z");
    }

    @Test
    void readsAlfenReadings() {
        Sample start = Samples.alfen("VERIFIED").get(0);

        VerificationResult result = verifier.verify(start.signedData(), start.publicKey());

        assertThat(result.format()).isEqualTo("ALFEN");
        assertThat(result.readings()).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo("B");
            assertThat(r.obis()).isEqualTo("1-0:1.8.0*255");
            assertThat(r.energyWattHours()).isEqualTo(15762.0);
        });
        assertThat(result.embeddedPublicKey()).startsWith("3049301306072A8648CE3D020106082A8648CE3D030101");
    }

    @Test
    void manipulatedRealRecordsFail() {
        assertThat(Samples.alfen("FAILED")).singleElement()
                .satisfies(s -> assertThat(verifier.verify(s.signedData(), s.publicKey()).status())
                        .isEqualTo(VerificationStatus.FAILED));
        for (String file : List.of("/safe/test_ocmf_keba_kcp30_fail.xml")) {
            var value = Samples.xml(file).get(0);
            assertThat(verifier.verify(value.signedData(), value.publicKey()).status())
                    .isEqualTo(VerificationStatus.FAILED);
        }
        var ebeeBegin = Samples.xml("/safe/test_ocmf_ebee_02.xml").get(0);
        assertThat(verifier.verify(ebeeBegin.signedData(), ebeeBegin.publicKey()).status())
                .isEqualTo(VerificationStatus.FAILED);
    }

    @Test
    void aRecordSignedOnAnotherCurveThanTheKeyFails() {
        var values = Samples.xml("/safe/second_key_fail_ocmf.xml");

        VerificationResult result = verifier.verify(values.get(1).signedData(), values.get(1).publicKey());

        assertThat(result.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(result.reason()).contains("secp256k1");
    }

    @Test
    void otherFormatsAreNotVerifiable() {
        for (String file : List.of("/safe/edl-40-01.xml", "/safe/wirelane.xml")) {
            for (var value : Samples.xml(file)) {
                VerificationResult result = verifier.verify(value.signedData(), value.publicKey());
                assertThat(result.status()).isEqualTo(VerificationStatus.NOT_VERIFIABLE);
                assertThat(result.reason()).startsWith("unsupported format");
                assertThat(result.format()).isEqualTo("UNKNOWN");
            }
        }
    }
}
