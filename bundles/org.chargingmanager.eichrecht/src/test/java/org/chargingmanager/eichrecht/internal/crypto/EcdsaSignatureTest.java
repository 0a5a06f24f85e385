package org.chargingmanager.eichrecht.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.Samples;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;
import org.junit.jupiter.api.Test;

/** The real KEBA record with its signature re-encoded in the non-minimal DER some meters produce. */
class EcdsaSignatureTest {

    // r = 0E2F..F9 (32 bytes, minimal), s = 00 889A..99 (33 bytes, minimal) in the original
    private static final String R = "0E2F107C987A300AC1695CA89EA149A8CDFA16188AF0A33EE64B67964AA943F9";
    private static final String S = "889A72B6D65364BEA8562E7F6A0253157ACFF84FE4929A93B5964D23C4265699";

    @Test
    void nonMinimalIntegersOfARealSignatureAreAccepted() {
        String record = Samples.text("/ocmf/keba-kcp30-secp256r1.ocmf");
        String key = Samples.text("/ocmf/keba-kcp30-secp256r1.pubkey");
        String original = "304502200E2F";
        String leadingZeroR = "3046022100" + R + "0221" + "00" + S;
        String unpaddedS = "30440220" + R + "0220" + S;

        SignedDataVerifier verifier = new SignedDataVerifier();
        assertThat(record).contains(original);
        for (String der : new String[] {leadingZeroR, unpaddedS}) {
            String reencoded = record.replaceAll("\"SD\":\"[0-9A-F]+\"", "\"SD\":\"" + der + "\"");
            assertThat(verifier.verify(reencoded, key).status()).as(der).isEqualTo(VerificationStatus.VERIFIED);
        }
    }

    @Test
    void brokenDerStructureIsRejected() {
        assertThat(EcdsaSignature.decodeDer(new byte[] {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01})).isNull();
        assertThat(EcdsaSignature.decodeDer(new byte[] {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01, 0x00}))
                .isNull();
        assertThat(EcdsaSignature.decodeDer(new byte[] {0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02}))
                .isEqualTo(new EcdsaSignature(java.math.BigInteger.ONE, java.math.BigInteger.TWO));
    }
}
