package org.chargingmanager.eichrecht.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.chargingmanager.api.eichrecht.VerificationResult;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.Samples.Sample;
import org.chargingmanager.eichrecht.internal.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever arrives, the answer is a result with a reason, never an exception. */
class BadInputTest {

    private final SignedDataVerifier verifier = new SignedDataVerifier();
    private final String key = Samples.verifyingOcmf().get(1).publicKey();

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "OCMF|", "OCMF||", "OCMF|{}|{}", "OCMF|{\"RD\":5}|{\"SD\":\"00\"}",
        "OCMF|{\"RD\":[{\"RV\":\"x\"}]}|{\"SD\":\"3006020101020101\"}", "OCMF|{}|{\"SD\":\"zz\"}",
        "OCMF|{}|{\"SD\":\"00\",\"SE\":\"rot13\"}", "OCMF|{}|{\"SD\":\"00\",\"SA\":\"RSA-2048-SHA256\"}",
        "OCMF|[1,2]|{\"SD\":\"00\"}", "OCMF|{}|{\"SD\":\"00\"}|extra", "AP;", "AP;0;3;;;;", "AP;9;3;A;A;A;",
        "{\"signedMeterData\":\"!!!\"}", "{", "4F434D467C", "\u0000\u0001\u0002", "OCMF|{\"FV\":\"1.0\"}|{\"SD\":\"30\"}"})
    void malformedInputGivesAReason(String input) {
        VerificationResult result = verifier.verify(input, key);

        assertThat(result.status()).isIn(VerificationStatus.FAILED, VerificationStatus.NOT_VERIFIABLE);
        assertThat(result.reason()).isNotBlank();
    }

    @Test
    void everyTruncationOfEveryRealSampleGivesAReason() {
        for (Sample sample : Samples.verifying()) {
            String data = sample.signedData();
            // an Alfen record without its closing ';' or base32 padding is still complete
            int shortest = data.startsWith("AP;") ? data.replaceAll("[=;]+$", "").length() : data.length();
            for (int length = 0; length < shortest; length++) {
                VerificationResult result = verifier.verify(data.substring(0, length), sample.publicKey());
                assertThat(result.status()).as(sample + " cut at " + length).isNotEqualTo(VerificationStatus.VERIFIED);
                assertThat(result.reason()).as(sample + " cut at " + length).isNotBlank();
            }
        }
    }

    @Test
    void randomBytesGiveAReason() {
        Random random = new Random(42);
        for (int i = 0; i < 2000; i++) {
            char[] chars = new char[random.nextInt(300)];
            for (int j = 0; j < chars.length; j++) {
                chars[j] = (char) (random.nextBoolean() ? random.nextInt(128) : "OCMF|{}[]\":,AP;0123456789".charAt(
                        random.nextInt(25)));
            }
            VerificationResult result = verifier.verify(new String(chars), key);
            assertThat(result.status()).isNotEqualTo(VerificationStatus.VERIFIED);
        }
    }

    @Test
    void hugeAndDeeplyNestedInputIsRefusedWithAReason() {
        String huge = "OCMF|" + "x".repeat(SignedDataVerifier.MAX_DATA_CHARS) + "|{}";
        String nested = "OCMF|" + "[".repeat(100_000) + "|{\"SD\":\"00\"}";

        assertThat(verifier.verify(huge, key).reason()).contains("too large");
        VerificationResult deep = verifier.verify(nested, key);
        assertThat(deep.status()).isIn(VerificationStatus.FAILED, VerificationStatus.NOT_VERIFIABLE);
        assertThat(deep.reason()).isNotBlank();
    }

    @Test
    void noDataIsNone() {
        assertThat(verifier.verify(null, key).status()).isEqualTo(VerificationStatus.NONE);
        assertThat(verifier.verify("  ", key).status()).isEqualTo(VerificationStatus.NONE);
    }

    @Test
    void unusableTrustedKeysGiveAReason() {
        String data = Samples.verifyingOcmf().get(1).signedData();
        List<String> keys = new ArrayList<>(List.of("nonsense", "3059", "30" + "00".repeat(90), "04" + "11".repeat(64),
                "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----", "A".repeat(20_000)));
        for (String badKey : keys) {
            VerificationResult result = verifier.verify(data, badKey);
            assertThat(result.status()).as(badKey).isIn(VerificationStatus.NOT_VERIFIABLE, VerificationStatus.FAILED);
            assertThat(result.reason()).isNotBlank();
        }
    }
}
