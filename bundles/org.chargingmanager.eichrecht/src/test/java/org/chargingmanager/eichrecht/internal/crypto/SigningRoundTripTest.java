package org.chargingmanager.eichrecht.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.codec.Hex;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs.EcKeyPair;
import org.chargingmanager.eichrecht.internal.signing.OcmfRecordSigner;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Own signing and verification agree on every curve, in every key and signature encoding. */
class SigningRoundTripTest {

    private static final String PAYLOAD = "{\"FV\":\"1.0\",\"GI\":\"test\",\"PG\":\"T1\",\"RD\":[{\"TM\":"
            + "\"2024-05-01T10:00:00,000+0200 I\",\"TX\":\"B\",\"RV\":12.345,\"RI\":\"1-b:1.8.0\",\"RU\":\"kWh\","
            + "\"ST\":\"G\"}]}";

    private final SignedDataVerifier verifier = new SignedDataVerifier();
    private final SecureRandom random = new SecureRandom();

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void signedRecordVerifiesWithEveryKeyEncoding(EcCurve curve) {
        EcKeyPair pair = EcKeyPairs.generate(curve, random);
        String record = new OcmfRecordSigner(pair).sign(PAYLOAD);
        byte[] point = pair.publicKey().encodedPoint();
        String rawXy = Hex.encode(java.util.Arrays.copyOfRange(point, 1, point.length));
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(Hex.decodeLenient(pair.publicKey().spkiHex()))
                + "\n-----END PUBLIC KEY-----\n";

        for (String key : new String[] {pair.publicKey().spkiHex(), rawXy, rawXy.toLowerCase(), pem}) {
            var result = verifier.verify(record, key);
            assertThat(result.status()).as(curve + " " + key + ": " + result.reason())
                    .isEqualTo(VerificationStatus.VERIFIED);
        }
        assertThat(verifier.verify(record.replace("12.345", "12.346"), rawXy).status())
                .isEqualTo(VerificationStatus.FAILED);
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void everySignatureEncodingVerifies(EcCurve curve) {
        EcKeyPair pair = EcKeyPairs.generate(curve, random);
        EcdsaSignature signature = Ecdsa.sign(pair.privateKey(), PAYLOAD.getBytes(StandardCharsets.UTF_8));
        String algorithm = curve.ocmfAlgorithm();
        String key = pair.publicKey().spkiHex();

        String[] sections = {
            "{\"SA\":\"" + algorithm + "\",\"SD\":\"" + Hex.encode(signature.toDer()) + "\"}",
            "{\"SA\":\"" + algorithm + "\",\"SE\":\"hex\",\"SD\":\"" + Hex.encode(signature.toRaw(curve)) + "\"}",
            "{\"SA\":\"" + algorithm + "\",\"SE\":\"base64\",\"SD\":\""
                    + Base64.getEncoder().encodeToString(signature.toDer()) + "\"}",
            "{\"SA\":\"" + algorithm + "\",\"SE\":\"base64\",\"SD\":\""
                    + Base64.getEncoder().encodeToString(signature.toRaw(curve)) + "\"}",
            "{\"SA\":\"" + algorithm + "\",\"SD\":\"" + Hex.encode(nonMinimalDer(signature)) + "\"}"};
        for (String section : sections) {
            var result = verifier.verify("OCMF|" + PAYLOAD + "|" + section, key);
            assertThat(result.status()).as(section + ": " + result.reason()).isEqualTo(VerificationStatus.VERIFIED);
        }
    }

    @ParameterizedTest
    @EnumSource(value = EcCurve.class, names = {"BRAINPOOLP256R1", "BRAINPOOLP384R1"})
    void bothBrainpoolSpellingsAreAccepted(EcCurve curve) {
        EcKeyPair pair = EcKeyPairs.generate(curve, random);
        String record = new OcmfRecordSigner(pair).sign(PAYLOAD);
        String specSpelling = record.replace("brainpoolP", "brainpool");

        assertThat(record).contains("brainpoolP");
        assertThat(verifier.verify(specSpelling, pair.publicKey().spkiHex()).status())
                .isEqualTo(VerificationStatus.VERIFIED);
    }

    /** r with two superfluous leading zero bytes and s without the sign byte, as some meters write them. */
    private static byte[] nonMinimalDer(EcdsaSignature signature) {
        byte[] r = signature.r().toByteArray();
        byte[] paddedR = new byte[r.length + 2];
        System.arraycopy(r, 0, paddedR, 2, r.length);
        byte[] s = new java.math.BigInteger(1, signature.s().toByteArray()).toByteArray();
        byte[] unsignedS = s[0] == 0 ? java.util.Arrays.copyOfRange(s, 1, s.length) : s;
        int bodyLength = 2 + paddedR.length + 2 + unsignedS.length;
        byte[] der = new byte[2 + bodyLength];
        int i = 0;
        der[i++] = 0x30;
        der[i++] = (byte) bodyLength;
        der[i++] = 0x02;
        der[i++] = (byte) paddedR.length;
        System.arraycopy(paddedR, 0, der, i, paddedR.length);
        i += paddedR.length;
        der[i++] = 0x02;
        der[i++] = (byte) unsignedS.length;
        System.arraycopy(unsignedS, 0, der, i, unsignedS.length);
        return der;
    }
}
