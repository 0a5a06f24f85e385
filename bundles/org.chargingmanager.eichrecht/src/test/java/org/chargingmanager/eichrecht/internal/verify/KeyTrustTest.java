package org.chargingmanager.eichrecht.internal.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.chargingmanager.api.eichrecht.VerificationResult;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.Samples.Sample;
import org.chargingmanager.eichrecht.internal.Samples;
import org.chargingmanager.eichrecht.internal.codec.Base32;
import org.chargingmanager.eichrecht.internal.codec.Hex;
import org.chargingmanager.eichrecht.internal.crypto.EcCurve;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs.EcKeyPair;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs;
import org.chargingmanager.eichrecht.internal.signing.OcmfRecordSigner;
import org.junit.jupiter.api.Test;

/** A key that comes with the data is reported, never trusted, and a failure when it differs. */
class KeyTrustTest {

    private final SignedDataVerifier verifier = new SignedDataVerifier();
    private final Sample keba = Samples.verifyingOcmf().get(1);

    @Test
    void embeddedKeyDifferingFromTheTrustedKeyFailsEvenWithAValidSignature() {
        EcKeyPair attacker = EcKeyPairs.generate(EcCurve.SECP256R1, new SecureRandom());
        String forged = new OcmfRecordSigner(attacker).sign("{\"FV\":\"1.0\",\"RD\":[{\"TX\":\"B\",\"RV\":1.0,"
                + "\"RI\":\"1-b:1.8.0\",\"RU\":\"kWh\",\"ST\":\"G\"}]}");
        String container = ocaContainer(forged, attacker.publicKey().spkiHex());

        VerificationResult result = verifier.verify(container, keba.publicKey());

        assertThat(result.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(result.reason()).contains("not the trusted key");
        assertThat(result.embeddedPublicKey()).isEqualTo(attacker.publicKey().spkiHex());
    }

    @Test
    void embeddedKeyAloneIsNeverTrusted() {
        EcKeyPair meter = EcKeyPairs.generate(EcCurve.SECP256R1, new SecureRandom());
        String signed = new OcmfRecordSigner(meter).sign("{\"FV\":\"1.0\",\"RD\":[]}");

        VerificationResult result = verifier.verify(ocaContainer(signed, meter.publicKey().spkiHex()), null);

        assertThat(result.status()).isEqualTo(VerificationStatus.NOT_VERIFIABLE);
        assertThat(result.embeddedPublicKey()).isEqualTo(meter.publicKey().spkiHex());
    }

    @Test
    void embeddedKeyEqualToTheTrustedKeyInAnotherEncodingVerifies() {
        String rawXy = keba.publicKey().substring(keba.publicKey().length() - 128);

        VerificationResult result = verifier.verify(ocaContainer(keba.signedData(), rawXy), keba.publicKey());

        assertThat(result.status()).as(result.reason()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void alfenRecordWhoseEmbeddedKeyDiffersFromTheTrustedKeyFails() {
        Sample alfen = Samples.alfen("VERIFIED").get(0);
        Sample other = Samples.alfen("VERIFIED").get(1);

        VerificationResult result = verifier.verify(alfen.signedData(), other.publicKey());

        assertThat(result.status()).isEqualTo(VerificationStatus.FAILED);
        assertThat(result.reason()).contains("not the trusted key");
    }

    @Test
    void alfenTrustedKeyMayBeGivenAsHexOfTheCompressedPoint() {
        Sample alfen = Samples.alfen("VERIFIED").get(0);
        String hexPoint = Hex.encode(Base32.decode(alfen.publicKey()));

        assertThat(verifier.verify(alfen.signedData(), hexPoint).status()).isEqualTo(VerificationStatus.VERIFIED);
    }

    @Test
    void accompanyingKeyOfAnXmlFileIsTreatedLikeAnEmbeddedKey() {
        EcKeyPair other = EcKeyPairs.generate(EcCurve.SECP256R1, new SecureRandom());

        VerificationResult result = verifier.verify(keba.signedData(), keba.publicKey(), other.publicKey().spkiHex());

        assertThat(result.status()).isEqualTo(VerificationStatus.FAILED);
    }

    static String ocaContainer(String data, String publicKeyHex) {
        Base64.Encoder base64 = Base64.getEncoder();
        return "{\"signedMeterData\":\"" + base64.encodeToString(data.getBytes(StandardCharsets.UTF_8))
                + "\",\"signingMethod\":\"\",\"encodingMethod\":\"OCMF\",\"publicKey\":\""
                + base64.encodeToString(("oca:base16:asn1:" + publicKeyHex).getBytes(StandardCharsets.US_ASCII))
                + "\"}";
    }
}
