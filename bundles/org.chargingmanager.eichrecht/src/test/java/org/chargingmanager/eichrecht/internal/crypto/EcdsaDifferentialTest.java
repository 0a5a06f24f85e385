package org.chargingmanager.eichrecht.internal.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Random;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;
import org.chargingmanager.eichrecht.internal.codec.Hex;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Ecdsa#verify} on the curves of {@link EcCurve#domain()} (Bouncy Castle's optimised SEC
 * curves, the fixed-width Brainpool curves) against Bouncy Castle's generic {@code BigInteger}
 * curves from {@code ECNamedCurveTable}, which share no field or point arithmetic with them.
 * Signatures are made on the generic curve. Every case states its seed.
 */
class EcdsaDifferentialTest {

    /** The curve that has no Bouncy Castle optimisation, so all of its arithmetic is ours. */
    private static final EcCurve OWN_ARITHMETIC = EcCurve.BRAINPOOLP256R1;

    private final long seed = new SecureRandom().nextLong();
    private final Random random = new Random(seed);

    /** The reference: the same curve in Bouncy Castle's generic implementation. */
    private static final class Reference {
        final EcCurve curve;
        final X9ECParameters x9;
        final ECDomainParameters domain;
        final BigInteger n;

        Reference(EcCurve curve) {
            this.curve = curve;
            this.x9 = curve.genericParameters();
            this.domain = new ECDomainParameters(x9);
            this.n = x9.getN();
        }

        ECPoint publicPoint(BigInteger privateKey) {
            return x9.getG().multiply(privateKey).normalize();
        }

        BigInteger[] sign(BigInteger privateKey, byte[] hash) {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, new ECPrivateKeyParameters(privateKey, domain));
            return signer.generateSignature(hash);
        }

        boolean verify(ECPoint publicPoint, byte[] hash, BigInteger r, BigInteger s) {
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(publicPoint, domain));
            return verifier.verifySignature(hash, r, s);
        }

        /** The key as the verifier gets it: parsed from text onto the fast curve. */
        EcPublicKey fastKey(ECPoint publicPoint, boolean compressed) throws KeyFormatException {
            return PublicKeyParser.parse(Hex.encode(publicPoint.getEncoded(compressed)), curve);
        }

        byte[] hashOf(BigInteger e) {
            return BigIntegers.asUnsignedByteArray((n.bitLength() + 7) / 8, e);
        }
    }

    private BigInteger randomScalar(BigInteger n) {
        BigInteger k;
        do {
            k = new BigInteger(n.bitLength(), random);
        } while (k.signum() == 0 || k.compareTo(n) >= 0);
        return k;
    }

    private byte[] randomMessage() {
        byte[] message = new byte[random.nextInt(300)];
        random.nextBytes(message);
        return message;
    }

    /** Both implementations give the same answer, and it is the expected one. */
    private void assertAgree(Reference reference, ECPoint genericKey, EcPublicKey fastKey, byte[] hash, BigInteger r,
            BigInteger s, boolean expected, String what) {
        String description = reference.curve + " seed " + seed + ": " + what + " r=" + r.toString(16) + " s="
                + s.toString(16) + " hash=" + Hex.encode(hash) + " key=" + Hex.encode(genericKey.getEncoded(false));
        assertThat(reference.verify(genericKey, hash, r, s)).as("generic " + description).isEqualTo(expected);
        assertThat(Ecdsa.verifyHash(fastKey, hash, new EcdsaSignature(r, s))).as("fast " + description)
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void randomKeysAndMessagesValidAndTampered(EcCurve curve) throws KeyFormatException {
        Reference reference = new Reference(curve);
        int keys = curve == OWN_ARITHMETIC ? 2000 : curve == EcCurve.BRAINPOOLP384R1 ? 400 : 200;
        for (int i = 0; i < keys; i++) {
            BigInteger d = randomScalar(reference.n);
            ECPoint genericKey = reference.publicPoint(d);
            EcPublicKey fastKey = reference.fastKey(genericKey, i % 2 == 0);
            assertThat(fastKey.encodedPoint()).isEqualTo(genericKey.getEncoded(false));
            byte[] message = randomMessage();
            byte[] hash = Ecdsa.sha256(message);
            BigInteger[] rs = reference.sign(d, hash);
            BigInteger r = rs[0];
            BigInteger s = rs[1];
            assertAgree(reference, genericKey, fastKey, hash, r, s, true, "valid");
            assertThat(Ecdsa.verify(fastKey, message, new EcdsaSignature(r, s))).isTrue();

            switch (i % 4) {
                case 0 -> assertAgree(reference, genericKey, fastKey, hash,
                        r.flipBit(random.nextInt(reference.n.bitLength())), s, false, "flipped bit in r");
                case 1 -> assertAgree(reference, genericKey, fastKey, hash, r,
                        s.flipBit(random.nextInt(reference.n.bitLength())), false, "flipped bit in s");
                case 2 -> {
                    byte[] tampered = message.length == 0 ? new byte[] {1} : message.clone();
                    if (message.length > 0) {
                        tampered[random.nextInt(tampered.length)] ^= (byte) (1 << random.nextInt(8));
                    }
                    assertAgree(reference, genericKey, fastKey, Ecdsa.sha256(tampered), r, s, false,
                            "flipped bit in the message");
                    assertThat(Ecdsa.verify(fastKey, tampered, new EcdsaSignature(r, s))).isFalse();
                }
                default -> {
                    ECPoint otherKey = reference.publicPoint(randomScalar(reference.n));
                    assertAgree(reference, otherKey, reference.fastKey(otherKey, false), hash, r, s, false,
                            "wrong key");
                }
            }
        }
    }

    /**
     * One meter key for many records, as in operation: after a few uses Bouncy Castle switches to
     * its fixed-point comb with a table per point, a different code path from fresh keys.
     */
    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void oneKeyManyRecords(EcCurve curve) throws KeyFormatException {
        Reference reference = new Reference(curve);
        BigInteger d = randomScalar(reference.n);
        ECPoint genericKey = reference.publicPoint(d);
        EcPublicKey fastKey = reference.fastKey(genericKey, true);
        int records = curve == OWN_ARITHMETIC ? 2000 : 200;
        for (int i = 0; i < records; i++) {
            byte[] hash = Ecdsa.sha256(randomMessage());
            BigInteger[] rs = reference.sign(d, hash);
            assertAgree(reference, genericKey, fastKey, hash, rs[0], rs[1], true, "valid, key reused");
            BigInteger tamperedS = rs[1].flipBit(random.nextInt(reference.n.bitLength()));
            assertAgree(reference, genericKey, fastKey, hash, rs[0], tamperedS, false, "flipped bit in s, key reused");
        }
    }

    /** Q = G and Q = -G: the two tables hold the same or opposite points, so sums hit doubling and infinity. */
    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void keyIsTheBasePointOrItsNegation(EcCurve curve) throws KeyFormatException {
        Reference reference = new Reference(curve);
        for (BigInteger d : new BigInteger[] {BigInteger.ONE, reference.n.subtract(BigInteger.ONE)}) {
            ECPoint genericKey = reference.publicPoint(d);
            EcPublicKey fastKey = reference.fastKey(genericKey, false);
            for (int i = 0; i < 100; i++) {
                byte[] hash = Ecdsa.sha256(randomMessage());
                BigInteger[] rs = reference.sign(d, hash);
                assertAgree(reference, genericKey, fastKey, hash, rs[0], rs[1], true, "d=" + d + " valid");
                assertAgree(reference, genericKey, fastKey, hash, rs[0], rs[1].add(BigInteger.ONE).mod(reference.n),
                        false, "d=" + d + " s+1");
            }
        }
    }

    /** A valid signature with the largest s and with a zero hash (u1 = 0). */
    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void largestSAndZeroHash(EcCurve curve) throws KeyFormatException {
        Reference reference = new Reference(curve);
        BigInteger n = reference.n;
        for (int i = 0; i < 20; i++) {
            BigInteger d = randomScalar(n);
            ECPoint genericKey = reference.publicPoint(d);
            EcPublicKey fastKey = reference.fastKey(genericKey, false);
            BigInteger k = randomScalar(n);
            BigInteger r = reference.x9.getG().multiply(k).normalize().getAffineXCoord().toBigInteger().mod(n);

            // s = k^-1 (e + r d) = n - 1  <=>  e = (n - 1) k - r d
            BigInteger largestS = n.subtract(BigInteger.ONE);
            BigInteger e = largestS.multiply(k).subtract(r.multiply(d)).mod(n);
            assertAgree(reference, genericKey, fastKey, reference.hashOf(e), r, largestS, true, "s = n - 1");
            // (r, n - s) is valid whenever (r, s) is: the nonce -k gives the same r
            assertAgree(reference, genericKey, fastKey, reference.hashOf(e), r, BigInteger.ONE, true, "s = 1");
            assertAgree(reference, genericKey, fastKey, reference.hashOf(e), r, n.subtract(BigInteger.TWO), false,
                    "s = n - 2");

            BigInteger zeroHashS = k.modInverse(n).multiply(r.multiply(d)).mod(n);
            assertAgree(reference, genericKey, fastKey, reference.hashOf(BigInteger.ZERO), r, zeroHashS, true,
                    "hash of zeros");
            assertAgree(reference, genericKey, fastKey, new byte[0], r, zeroHashS, true, "empty hash");
            assertAgree(reference, genericKey, fastKey, reference.hashOf(BigInteger.ONE), r, zeroHashS, false,
                    "hash 1 instead of 0");
            assertAgree(reference, genericKey, fastKey, reference.hashOf(e), BigInteger.ONE, largestS, false,
                    "r = 1");
        }
    }

    /**
     * The other direction: keys generated and records signed on the fast curves (Bouncy Castle's
     * fixed-point comb with our look-up table) verify on the generic curve.
     */
    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void keysAndSignaturesMadeOnTheFastCurveVerifyOnTheGenericOne(EcCurve curve) {
        Reference reference = new Reference(curve);
        SecureRandom keyRandom = new SecureRandom();
        for (int i = 0; i < 100; i++) {
            EcKeyPairs.EcKeyPair pair = EcKeyPairs.generate(curve, keyRandom);
            ECPoint genericKey = reference.publicPoint(pair.privateKey().getD());
            assertThat(pair.publicKey().encodedPoint()).as(curve + " public key").isEqualTo(genericKey.getEncoded(false));
            byte[] message = randomMessage();
            EcdsaSignature signature = Ecdsa.sign(pair.privateKey(), message);
            assertThat(reference.verify(genericKey, Ecdsa.sha256(message), signature.r(), signature.s()))
                    .as(curve + " seed " + seed + " signature made on the fast curve").isTrue();
        }
    }

    /** r, s outside [1, n - 1] are refused before any arithmetic. */
    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void signatureValuesOutOfRange(EcCurve curve) throws KeyFormatException {
        Reference reference = new Reference(curve);
        BigInteger n = reference.n;
        BigInteger d = randomScalar(n);
        ECPoint genericKey = reference.publicPoint(d);
        EcPublicKey fastKey = reference.fastKey(genericKey, false);
        byte[] hash = Ecdsa.sha256(randomMessage());
        BigInteger[] rs = reference.sign(d, hash);
        for (BigInteger[] bad : new BigInteger[][] {{BigInteger.ZERO, rs[1]}, {rs[0], BigInteger.ZERO},
            {rs[0].add(n), rs[1]}, {rs[0], rs[1].add(n)}, {n, rs[1]}, {rs[0], n}, {rs[0].negate(), rs[1]}}) {
            assertAgree(reference, genericKey, fastKey, hash, bad[0], bad[1], false, "out of range");
        }
    }

    /**
     * Hashes chosen so that u1·G = -u2·Q (e = -r·d mod n): the sum is the point at infinity and
     * the signature must fail, whatever r and s are.
     */
    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void sumAtInfinityFails(EcCurve curve) throws KeyFormatException {
        Reference reference = new Reference(curve);
        BigInteger n = reference.n;
        BigInteger d = randomScalar(n);
        ECPoint genericKey = reference.publicPoint(d);
        EcPublicKey fastKey = reference.fastKey(genericKey, false);
        for (int i = 0; i < 30; i++) {
            BigInteger r = randomScalar(n);
            BigInteger s = randomScalar(n);
            BigInteger e = r.multiply(d).negate().mod(n);
            BigInteger sInverse = s.modInverse(n);
            ECPoint fastSum = ECAlgorithms.sumOfTwoMultiplies(fastKey.curve().domain().getG(),
                    e.multiply(sInverse).mod(n), fastKey.parameters().getQ(), r.multiply(sInverse).mod(n));
            assertThat(fastSum.isInfinity()).as("seed " + seed + " construction gives infinity").isTrue();
            assertAgree(reference, genericKey, fastKey, reference.hashOf(e), r, s, false, "sum at infinity");

            // u1·G = u2·Q: the two halves are the same point, their sum a doubling
            BigInteger equalHalves = r.multiply(d).mod(n);
            assertAgree(reference, genericKey, fastKey, reference.hashOf(equalHalves), r, s, false,
                    "equal halves");
        }
    }

    /**
     * Signatures whose R has a chosen x: r = 1, and r = x - n for an x in [n, p) (where the
     * verifier must also try r + n). Made by choosing R, s and e and solving for the key:
     * {@code Q = r^-1 (s·R - e·G)}.
     */
    @ParameterizedTest
    @EnumSource(EcCurve.class)
    void chosenNonceXCoordinates(EcCurve curve) throws KeyFormatException {
        Reference reference = new Reference(curve);
        BigInteger n = reference.n;
        BigInteger p = reference.x9.getCurve().getField().getCharacteristic();
        int checked = 0;
        for (long offset = 0; offset < 64; offset++) {
            for (BigInteger x : new BigInteger[] {BigInteger.ONE.add(BigInteger.valueOf(offset)),
                n.add(BigInteger.ONE).add(BigInteger.valueOf(offset))}) {
                ECPoint nonce = pointWithX(reference.x9.getCurve(), x, p);
                if (nonce == null) {
                    continue;
                }
                BigInteger r = x.mod(n);
                BigInteger s = randomScalar(n);
                BigInteger e = new BigInteger(n.bitLength() - 1, random);
                ECPoint genericKey = nonce.multiply(s).subtract(reference.x9.getG().multiply(e))
                        .multiply(r.modInverse(n)).normalize();
                EcPublicKey fastKey = reference.fastKey(genericKey, true);
                String what = "R.x = " + x.toString(16);
                assertAgree(reference, genericKey, fastKey, reference.hashOf(e), r, s, true, what);
                assertAgree(reference, genericKey, fastKey, reference.hashOf(e), r, n.subtract(s), true,
                        what + ", s negated");
                assertAgree(reference, genericKey, fastKey, reference.hashOf(e), r, s.add(BigInteger.ONE).mod(n), false,
                        what + ", s + 1");
                checked++;
            }
        }
        assumeThat(checked).as("no point with a small x on " + curve).isPositive();
    }

    private static ECPoint pointWithX(ECCurve curve, BigInteger x, BigInteger p) {
        if (x.compareTo(p) >= 0) {
            return null;
        }
        ECFieldElement fx = curve.fromBigInteger(x);
        ECFieldElement y = fx.square().add(curve.getA()).multiply(fx).add(curve.getB()).sqrt();
        return y == null ? null : curve.createPoint(x, y.toBigInteger());
    }
}
