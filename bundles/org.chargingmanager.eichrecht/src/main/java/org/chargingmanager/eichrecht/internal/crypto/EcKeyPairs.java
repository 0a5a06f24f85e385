package org.chargingmanager.eichrecht.internal.crypto;

import java.security.SecureRandom;

import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;

/** Generates key pairs for internal signing and tests. */
public final class EcKeyPairs {

    private EcKeyPairs() {
    }

    public record EcKeyPair(EcCurve curve, ECPrivateKeyParameters privateKey, EcPublicKey publicKey) {
    }

    public static EcKeyPair generate(EcCurve curve, SecureRandom random) {
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(curve.domain(), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        ECPublicKeyParameters publicKey = (ECPublicKeyParameters) pair.getPublic();
        return new EcKeyPair(curve, (ECPrivateKeyParameters) pair.getPrivate(),
                EcPublicKey.of(curve, publicKey.getQ()));
    }
}
