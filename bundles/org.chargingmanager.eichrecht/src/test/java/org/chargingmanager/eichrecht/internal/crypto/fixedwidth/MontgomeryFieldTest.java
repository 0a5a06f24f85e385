package org.chargingmanager.eichrecht.internal.crypto.fixedwidth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Montgomery arithmetic agrees with {@link BigInteger} arithmetic modulo the Brainpool primes. */
class MontgomeryFieldTest {

    private static final int RANDOM_VALUES = 3000;

    private static BigInteger primeOf(String curveName) {
        return ECNamedCurveTable.getByName(curveName).getCurve().getField().getCharacteristic();
    }

    private static List<BigInteger> values(BigInteger p, Random random) {
        List<BigInteger> values = new ArrayList<>();
        for (long small = 0; small < 4; small++) {
            values.add(BigInteger.valueOf(small));
            values.add(p.subtract(BigInteger.valueOf(small + 1)));
        }
        values.add(BigInteger.ONE.shiftLeft(p.bitLength() - 1));
        values.add(BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE));
        for (int i = 0; i < RANDOM_VALUES; i++) {
            values.add(new BigInteger(p.bitLength() + 8, random).mod(p));
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(strings = {"brainpoolP256r1", "brainpoolP384r1"})
    void everyOperationMatchesBigIntegerArithmetic(String curveName) {
        BigInteger p = primeOf(curveName);
        MontgomeryField field = new MontgomeryField(p);
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<BigInteger> values = values(p, random);
        int[] result = new int[field.words()];
        for (int i = 0; i < values.size(); i++) {
            BigInteger x = values.get(i);
            BigInteger y = values.get(random.nextInt(values.size()));
            int[] mx = field.toMontgomery(x);
            int[] my = field.toMontgomery(y);
            String what = curveName + " seed " + seed + " x=" + x.toString(16) + " y=" + y.toString(16);

            assertThat(field.fromMontgomery(mx)).as(what).isEqualTo(x);
            field.multiply(mx, my, result);
            assertThat(field.fromMontgomery(result)).as("x*y " + what).isEqualTo(x.multiply(y).mod(p));
            field.square(mx, result);
            assertThat(field.fromMontgomery(result)).as("x^2 " + what).isEqualTo(x.multiply(x).mod(p));
            field.add(mx, my, result);
            assertThat(field.fromMontgomery(result)).as("x+y " + what).isEqualTo(x.add(y).mod(p));
            field.subtract(mx, my, result);
            assertThat(field.fromMontgomery(result)).as("x-y " + what).isEqualTo(x.subtract(y).mod(p));
            field.negate(mx, result);
            assertThat(field.fromMontgomery(result)).as("-x " + what).isEqualTo(x.negate().mod(p));
            if (x.signum() != 0) {
                field.invert(mx, result);
                assertThat(field.fromMontgomery(result)).as("1/x " + what).isEqualTo(x.modInverse(p));
            }
            int[] root = field.squareRoot(mx);
            boolean isSquare = x.signum() == 0 || x.modPow(p.shiftRight(1), p).equals(BigInteger.ONE);
            assertThat(root != null).as("square? " + what).isEqualTo(isSquare);
            if (root != null) {
                BigInteger r = field.fromMontgomery(root);
                assertThat(r.multiply(r).mod(p)).as("sqrt " + what).isEqualTo(x);
            }
            assertThat(field.isOne(mx)).isEqualTo(x.equals(BigInteger.ONE));
            assertThat(MontgomeryField.isZero(mx)).isEqualTo(x.signum() == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"brainpoolP256r1", "brainpoolP384r1"})
    void resultsMayOverwriteTheirOperands(String curveName) {
        BigInteger p = primeOf(curveName);
        MontgomeryField field = new MontgomeryField(p);
        BigInteger x = p.subtract(BigInteger.TWO);
        BigInteger y = p.shiftRight(1);
        int[] a = field.toMontgomery(x);
        field.multiply(a, field.toMontgomery(y), a);
        assertThat(field.fromMontgomery(a)).isEqualTo(x.multiply(y).mod(p));
        int[] b = field.toMontgomery(y);
        field.add(field.toMontgomery(x), b, b);
        assertThat(field.fromMontgomery(b)).isEqualTo(x.add(y).mod(p));
        int[] c = field.toMontgomery(y);
        field.invert(c, c);
        assertThat(field.fromMontgomery(c)).isEqualTo(y.modInverse(p));
    }

    @ParameterizedTest
    @ValueSource(strings = {"brainpoolP256r1", "brainpoolP384r1"})
    void zeroHasNoInverse(String curveName) {
        MontgomeryField field = new MontgomeryField(primeOf(curveName));
        assertThatThrownBy(() -> field.invert(new int[field.words()], new int[field.words()]))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void primesWithoutSimpleSquareRootsAreRefused() {
        BigInteger oneModuloFour = primeOf("secp224r1");
        assertThat(oneModuloFour.mod(BigInteger.valueOf(4))).isEqualTo(BigInteger.ONE);
        assertThatThrownBy(() -> new MontgomeryField(oneModuloFour)).isInstanceOf(IllegalArgumentException.class);
    }
}
