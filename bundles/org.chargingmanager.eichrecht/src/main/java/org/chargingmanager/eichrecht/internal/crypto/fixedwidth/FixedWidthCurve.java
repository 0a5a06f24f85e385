package org.chargingmanager.eichrecht.internal.crypto.fixedwidth;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ECPoint;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECLookupTable;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A short Weierstrass curve {@code y² = x³ + a·x + b} over a prime field, with the field
 * arithmetic on fixed-width words in Montgomery form instead of {@link BigInteger}s.
 *
 * <p>For the curves Bouncy Castle has no optimised implementation of (the Brainpool curves): its
 * generic curve computes with {@code BigInteger} and reduces with a division after every
 * multiplication, which makes ECDSA verification about half as fast (brainpoolP256r1: about
 * 1,900 against 4,000 verifications per CPU second on the 2-core build machine). This class plugs into
 * Bouncy Castle as a curve like its own optimised ones, so {@code ECDSASigner}, point decoding and
 * key generation use it unchanged. Needs {@code p ≡ 3 (mod 4)} (square roots for compressed
 * points), which holds for brainpoolP256r1 and brainpoolP384r1.
 */
public final class FixedWidthCurve extends ECCurve.AbstractFp {

    private final MontgomeryField arithmetic;
    private final FixedWidthPoint infinity;

    private FixedWidthCurve(MontgomeryField arithmetic, BigInteger a, BigInteger b, BigInteger order,
            BigInteger cofactor) {
        super(arithmetic.prime());
        this.arithmetic = arithmetic;
        this.infinity = new FixedWidthPoint(this, null, null);
        this.a = fromBigInteger(a);
        this.b = fromBigInteger(b);
        this.order = order;
        this.cofactor = cofactor;
        this.coord = COORD_JACOBIAN;
    }

    /** The same curve and base point as {@code generic} (any Bouncy Castle prime curve), computed here. */
    public static X9ECParameters parametersLike(X9ECParameters generic) {
        ECCurve genericCurve = generic.getCurve();
        FixedWidthCurve curve = new FixedWidthCurve(new MontgomeryField(genericCurve.getField().getCharacteristic()),
                genericCurve.getA().toBigInteger(), genericCurve.getB().toBigInteger(), generic.getN(), generic.getH());
        ECPoint genericG = generic.getG().normalize();
        ECPoint g = curve.createPoint(genericG.getAffineXCoord().toBigInteger(),
                genericG.getAffineYCoord().toBigInteger());
        if (!g.isValid()) {
            throw new IllegalStateException("the base point is not on the fixed-width curve");
        }
        return new X9ECParameters(curve, new X9ECPoint(g, false), generic.getN(), generic.getH(), generic.getSeed());
    }

    @Override
    protected ECCurve cloneCurve() {
        return new FixedWidthCurve(arithmetic, a.toBigInteger(), b.toBigInteger(), order, cofactor);
    }

    @Override
    public boolean supportsCoordinateSystem(int coordinateSystem) {
        return coordinateSystem == COORD_JACOBIAN;
    }

    @Override
    public int getFieldSize() {
        return arithmetic.prime().bitLength();
    }

    @Override
    public ECFieldElement fromBigInteger(BigInteger x) {
        return FixedWidthFieldElement.of(arithmetic, x);
    }

    @Override
    protected ECPoint createRawPoint(ECFieldElement x, ECFieldElement y) {
        return new FixedWidthPoint(this, x, y);
    }

    @Override
    protected ECPoint createRawPoint(ECFieldElement x, ECFieldElement y, ECFieldElement[] zs) {
        return new FixedWidthPoint(this, x, y, zs);
    }

    @Override
    public ECPoint getInfinity() {
        return infinity;
    }

    /**
     * Bouncy Castle's default table stores coordinates as bytes and rebuilds field elements through
     * {@code BigInteger} on every look-up; this one keeps the Montgomery words.
     */
    @Override
    public ECLookupTable createCacheSafeLookupTable(ECPoint[] points, int offset, int length) {
        return new FixedWidthLookupTable(this, arithmetic, points, offset, length);
    }
}
