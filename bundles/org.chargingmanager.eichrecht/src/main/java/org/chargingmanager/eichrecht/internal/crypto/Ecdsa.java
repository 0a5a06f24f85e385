package org.chargingmanager.eichrecht.internal.crypto;

import java.math.BigInteger;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ECDSA with SHA-256 over the exact bytes given, on Bouncy Castle's lightweight API (no JCA
 * provider is registered). For the 192-bit curves the hash is truncated to the curve order, as
 * ECDSA prescribes.
 */
public final class Ecdsa {

    private Ecdsa() {
    }

    public static boolean verify(EcPublicKey key, byte[] message, EcdsaSignature signature) {
        return verifyHash(key, sha256(message), signature);
    }

    /** The verification proper, on the message's hash (tests give chosen hashes). */
    static boolean verifyHash(EcPublicKey key, byte[] hash, EcdsaSignature signature) {
        BigInteger n = key.curve().domain().getN();
        if (signature.r().signum() <= 0 || signature.s().signum() <= 0 || signature.r().compareTo(n) >= 0
                || signature.s().compareTo(n) >= 0) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, key.parameters());
        return verifier.verifySignature(hash, signature.r(), signature.s());
    }

    /** Deterministic signature (RFC 6979), so no random source can weaken the key. */
    public static EcdsaSignature sign(ECPrivateKeyParameters privateKey, byte[] message) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, privateKey);
        BigInteger[] rs = signer.generateSignature(sha256(message));
        return new EcdsaSignature(rs[0], rs[1]);
    }

    static byte[] sha256(byte[] message) {
        SHA256Digest digest = new SHA256Digest();
        digest.update(message, 0, message.length);
        byte[] hash = new byte[digest.getDigestSize()];
        digest.doFinal(hash, 0);
        return hash;
    }
}
