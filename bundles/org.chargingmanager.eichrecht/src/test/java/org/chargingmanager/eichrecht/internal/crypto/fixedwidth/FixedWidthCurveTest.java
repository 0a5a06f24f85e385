package org.chargingmanager.eichrecht.internal.crypto.fixedwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;

import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Point arithmetic on the fixed-width curve agrees with Bouncy Castle's generic
 * {@code BigInteger} curve, compared through the standard point encoding.
 */
class FixedWidthCurveTest {

    private static final int RANDOM_CASES = 300;

    private static ECPoint onGeneric(X9ECParameters generic, ECPoint point) {
        return generic.getCurve().decodePoint(point.getEncoded(false));
    }

    private static void assertSamePoint(ECPoint fast, ECPoint generic, String what) {
        assertThat(fast.isInfinity()).as("infinity " + what).isEqualTo(generic.isInfinity());
        if (!generic.isInfinity()) {
            assertThat(fast.getEncoded(false)).as(what).isEqualTo(generic.getEncoded(false));
            assertThat(fast.isValid()).as("on curve " + what).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"brainpoolP256r1", "brainpoolP384r1"})
    void scalarMultiplesSumsAndDoublingsMatchTheGenericCurve(String curveName) {
        X9ECParameters generic = ECNamedCurveTable.getByName(curveName);
        X9ECParameters fast = FixedWidthCurve.parametersLike(generic);
        BigInteger n = generic.getN();
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        assertSamePoint(fast.getG(), generic.getG(), "G");
        for (int i = 0; i < RANDOM_CASES; i++) {
            BigInteger k = new BigInteger(n.bitLength(), random).mod(n);
            BigInteger l = new BigInteger(n.bitLength(), random).mod(n);
            String what = curveName + " seed " + seed + " k=" + k.toString(16) + " l=" + l.toString(16);
            ECPoint fastP = fast.getG().multiply(k);
            ECPoint fastQ = fast.getG().multiply(l);
            ECPoint genericP = generic.getG().multiply(k);
            ECPoint genericQ = generic.getG().multiply(l);
            assertSamePoint(fastP.normalize(), genericP.normalize(), "k·G " + what);
            assertSamePoint(fastP.add(fastQ).normalize(), genericP.add(genericQ).normalize(), "P+Q " + what);
            assertSamePoint(fastP.twice().normalize(), genericP.twice().normalize(), "2P " + what);
            assertSamePoint(fastP.add(fastP.normalize()).normalize(), genericP.twice().normalize(), "P+P " + what);
            assertSamePoint(fastP.subtract(fastQ).normalize(), genericP.subtract(genericQ).normalize(), "P-Q " + what);
            assertThat(fastP.add(fastP.negate()).isInfinity()).as("P-P " + what).isTrue();
            assertThat(fastP.add(fastP.negate().normalize()).isInfinity()).as("P-P affine " + what).isTrue();
            ECPoint fastSum = ECAlgorithms.sumOfTwoMultiplies(fast.getG(), k, fastQ.normalize(), l);
            ECPoint genericSum = ECAlgorithms.sumOfTwoMultiplies(generic.getG(), k, genericQ.normalize(), l);
            assertSamePoint(fastSum.normalize(), genericSum.normalize(), "k·G + l·Q " + what);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"brainpoolP256r1", "brainpoolP384r1"})
    void infinityIsNeutral(String curveName) {
        X9ECParameters fast = FixedWidthCurve.parametersLike(ECNamedCurveTable.getByName(curveName));
        ECPoint g = fast.getG();
        ECPoint infinity = fast.getCurve().getInfinity();
        assertThat(infinity.isInfinity()).isTrue();
        assertThat(g.add(infinity)).isEqualTo(g);
        assertThat(infinity.add(g)).isEqualTo(g);
        assertThat(infinity.twice().isInfinity()).isTrue();
        assertThat(infinity.negate().isInfinity()).isTrue();
        assertThat(g.multiply(fast.getN()).isInfinity()).isTrue();
        assertThat(g.multiply(fast.getN().subtract(BigInteger.ONE)).normalize()).isEqualTo(g.negate().normalize());
    }

    @ParameterizedTest
    @ValueSource(strings = {"brainpoolP256r1", "brainpoolP384r1"})
    void pointsDecodeAsOnTheGenericCurveIncludingCompressedOnes(String curveName) {
        X9ECParameters generic = ECNamedCurveTable.getByName(curveName);
        X9ECParameters fast = FixedWidthCurve.parametersLike(generic);
        Random random = new Random();
        for (int i = 0; i < RANDOM_CASES; i++) {
            ECPoint point = generic.getG().multiply(new BigInteger(generic.getN().bitLength() - 1, random)).normalize();
            for (boolean compressed : new boolean[] {true, false}) {
                byte[] encoded = point.getEncoded(compressed);
                ECPoint decoded = fast.getCurve().decodePoint(encoded);
                assertThat(decoded.getEncoded(compressed)).isEqualTo(encoded);
                assertThat(decoded.getEncoded(!compressed)).isEqualTo(point.getEncoded(!compressed));
                assertSamePoint(decoded, onGeneric(generic, decoded), "decoded");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"brainpoolP256r1", "brainpoolP384r1"})
    void pointsOffTheCurveAreRefused(String curveName) {
        X9ECParameters fast = FixedWidthCurve.parametersLike(ECNamedCurveTable.getByName(curveName));
        ECCurve curve = fast.getCurve();
        byte[] encoded = fast.getG().getEncoded(false);
        encoded[encoded.length - 1] ^= 1;
        assertThatThrownBy(() -> curve.decodePoint(encoded)).isInstanceOf(IllegalArgumentException.class);
        byte[] beyondPrime = fast.getG().getEncoded(true);
        java.util.Arrays.fill(beyondPrime, 1, beyondPrime.length, (byte) 0xFF);
        assertThatThrownBy(() -> curve.decodePoint(beyondPrime)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"brainpoolP256r1", "brainpoolP384r1"})
    void theCurveEqualsTheGenericOneInItsParameters(String curveName) {
        X9ECParameters generic = ECNamedCurveTable.getByName(curveName);
        ECCurve fast = FixedWidthCurve.parametersLike(generic).getCurve();
        assertThat(fast.getA().toBigInteger()).isEqualTo(generic.getCurve().getA().toBigInteger());
        assertThat(fast.getB().toBigInteger()).isEqualTo(generic.getCurve().getB().toBigInteger());
        assertThat(fast.getOrder()).isEqualTo(generic.getN());
        assertThat(fast.getFieldSize()).isEqualTo(generic.getCurve().getFieldSize());
    }
}
