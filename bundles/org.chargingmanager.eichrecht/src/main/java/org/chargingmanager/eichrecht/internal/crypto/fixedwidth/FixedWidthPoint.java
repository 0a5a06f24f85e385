package org.chargingmanager.eichrecht.internal.crypto.fixedwidth;

import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A point of a {@link FixedWidthCurve} in Jacobian coordinates {@code (X, Y, Z)}, standing for the
 * affine point {@code (X/Z², Y/Z³)}; {@code Z = 0} or missing coordinates is the point at
 * infinity. The formulas work for any curve coefficient {@code a} (Brainpool's is not -3).
 */
final class FixedWidthPoint extends ECPoint.AbstractFp {

    FixedWidthPoint(ECCurve curve, ECFieldElement x, ECFieldElement y) {
        super(curve, x, y);
    }

    FixedWidthPoint(ECCurve curve, ECFieldElement x, ECFieldElement y, ECFieldElement[] zs) {
        super(curve, x, y, zs);
    }

    @Override
    protected ECPoint detach() {
        return new FixedWidthPoint(null, getAffineXCoord(), getAffineYCoord());
    }

    @Override
    public ECPoint negate() {
        if (isInfinity()) {
            return this;
        }
        return new FixedWidthPoint(curve, x, y.negate(), zs);
    }

    /**
     * Doubling: {@code S = 4·X·Y²}, {@code M = 3·X² + a·Z⁴}, {@code X' = M² - 2·S},
     * {@code Y' = M·(S - X') - 8·Y⁴}, {@code Z' = 2·Y·Z}.
     */
    @Override
    public ECPoint twice() {
        if (isInfinity()) {
            return this;
        }
        if (y.isZero()) {
            // a point of order two; prime-order curves have none, but the formula would give Z' = 0 anyway
            return curve.getInfinity();
        }
        ECFieldElement z = zs[0];
        boolean zIsOne = z.isOne();
        ECFieldElement ySquared = y.square();
        ECFieldElement s = times4(x.multiply(ySquared));
        ECFieldElement xSquared = x.square();
        ECFieldElement aTerm = zIsOne ? curve.getA() : curve.getA().multiply(z.square().square());
        ECFieldElement m = times3(xSquared).add(aTerm);
        ECFieldElement newX = m.square().subtract(times2(s));
        ECFieldElement newY = m.multiply(s.subtract(newX)).subtract(times8(ySquared.square()));
        ECFieldElement twiceY = times2(y);
        ECFieldElement newZ = zIsOne ? twiceY : twiceY.multiply(z);
        return new FixedWidthPoint(curve, newX, newY, new ECFieldElement[] {newZ});
    }

    /**
     * Addition: with {@code U1 = X1·Z2²}, {@code U2 = X2·Z1²}, {@code S1 = Y1·Z2³},
     * {@code S2 = Y2·Z1³}, {@code H = U2 - U1}, {@code R = S2 - S1}:
     * {@code X3 = R² - H³ - 2·U1·H²}, {@code Y3 = R·(U1·H² - X3) - S1·H³}, {@code Z3 = Z1·Z2·H}.
     * {@code H = 0} means equal x: the same point (double it) or its negation (infinity).
     */
    @Override
    public ECPoint add(ECPoint other) {
        if (isInfinity()) {
            return other;
        }
        if (other.isInfinity()) {
            return this;
        }
        if (this == other) {
            return twice();
        }
        ECFieldElement z1 = zs[0];
        ECFieldElement x2 = other.getXCoord();
        ECFieldElement y2 = other.getYCoord();
        ECFieldElement z2 = other.getZCoord(0);
        boolean z1IsOne = z1.isOne();
        boolean z2IsOne = z2.isOne();

        ECFieldElement u1 = x;
        ECFieldElement s1 = y;
        if (!z2IsOne) {
            ECFieldElement z2Squared = z2.square();
            u1 = u1.multiply(z2Squared);
            s1 = s1.multiply(z2Squared.multiply(z2));
        }
        ECFieldElement u2 = x2;
        ECFieldElement s2 = y2;
        if (!z1IsOne) {
            ECFieldElement z1Squared = z1.square();
            u2 = u2.multiply(z1Squared);
            s2 = s2.multiply(z1Squared.multiply(z1));
        }
        ECFieldElement h = u2.subtract(u1);
        ECFieldElement r = s2.subtract(s1);
        if (h.isZero()) {
            return r.isZero() ? twice() : curve.getInfinity();
        }
        ECFieldElement hSquared = h.square();
        ECFieldElement hCubed = hSquared.multiply(h);
        ECFieldElement v = u1.multiply(hSquared);
        ECFieldElement newX = r.square().subtract(hCubed).subtract(times2(v));
        ECFieldElement newY = r.multiply(v.subtract(newX)).subtract(s1.multiply(hCubed));
        ECFieldElement newZ = h;
        if (!z1IsOne) {
            newZ = newZ.multiply(z1);
        }
        if (!z2IsOne) {
            newZ = newZ.multiply(z2);
        }
        return new FixedWidthPoint(curve, newX, newY, new ECFieldElement[] {newZ});
    }

    private static ECFieldElement times2(ECFieldElement element) {
        return element.add(element);
    }

    private static ECFieldElement times3(ECFieldElement element) {
        return times2(element).add(element);
    }

    private static ECFieldElement times4(ECFieldElement element) {
        return times2(times2(element));
    }

    private static ECFieldElement times8(ECFieldElement element) {
        return times2(times4(element));
    }
}
