package org.chargingmanager.eichrecht.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;

import org.chargingmanager.eichrecht.internal.codec.Hex;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs.EcKeyPair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PublicKeyParserTest {

    /** 0x30 also starts a DER sequence; such a raw key must still be read as raw. */
    @ParameterizedTest
    @EnumSource(value = EcCurve.class, names = {"SECP256R1", "BRAINPOOLP256R1"})
    void rawKeyWhoseFirstByteLooksLikeDer(EcCurve curve) throws KeyFormatException {
        SecureRandom random = new SecureRandom();
        EcKeyPair pair;
        byte[] point;
        do {
            pair = EcKeyPairs.generate(curve, random);
            point = pair.publicKey().encodedPoint();
        } while (point[1] != 0x30);
        String rawXy = Hex.encode(Arrays.copyOfRange(point, 1, point.length));

        assertThat(PublicKeyParser.parse(rawXy, curve).sameKeyAs(pair.publicKey())).isTrue();
    }
}
