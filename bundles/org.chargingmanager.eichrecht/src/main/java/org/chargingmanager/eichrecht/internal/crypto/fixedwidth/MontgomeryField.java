package org.chargingmanager.eichrecht.internal.crypto.fixedwidth;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.math.raw.Mod;
import org.bouncycastle.math.raw.Nat256;
import org.bouncycastle.math.raw.Nat384;
import org.bouncycastle.math.raw.Nat;

/**
 * Arithmetic modulo one odd prime {@code p} on fixed-width numbers: {@code int[]} of as many
 * 32-bit words as {@code p} needs, least significant word first (the layout of Bouncy Castle's
 * {@code org.bouncycastle.math.raw.Nat}).
 *
 * <p>Numbers are kept in <em>Montgomery form</em>: the residue {@code x} is stored as
 * {@code x·R mod p} with {@code R = 2^(32·words)}. Multiplying two such numbers then needs no
 * division by {@code p}, only word shifts, which is what makes this faster than
 * {@link BigInteger} arithmetic for primes without a special shape (the Brainpool primes). Every
 * result is fully reduced (below {@code p}), so equal residues have equal words.
 *
 * <p>Not constant time: meant for signature verification, which handles public data only.
 */
final class MontgomeryField {

    private static final long WORD_MASK = 0xFFFF_FFFFL;

    private final BigInteger prime;
    private final int words;
    private final int[] primeWords;
    /** {@code -p^-1 mod 2^32}: the multiple of p that clears the lowest word in a reduction step. */
    private final int reductionFactor;
    /** {@code R^2 mod p}: multiplying by it (Montgomery) converts into Montgomery form. */
    private final int[] rSquared;
    /** {@code R^3 mod p}: turns a plain inverse of a Montgomery-form number back into Montgomery form. */
    private final int[] rCubed;
    /** The residue 1 in Montgomery form ({@code R mod p}). */
    private final int[] one;
    /** {@code (p + 1) / 4}, the square root exponent for {@code p ≡ 3 (mod 4)}. */
    private final BigInteger squareRootExponent;

    MontgomeryField(BigInteger prime) {
        if (prime.signum() <= 0 || !prime.testBit(0) || !prime.testBit(1)) {
            throw new IllegalArgumentException("the prime must be odd and ≡ 3 (mod 4)");
        }
        this.prime = prime;
        this.words = (prime.bitLength() + 31) / 32;
        this.primeWords = Nat.fromBigInteger(32 * words, prime);
        this.reductionFactor = -Mod.inverse32(primeWords[0]);
        BigInteger r = BigInteger.ONE.shiftLeft(32 * words);
        this.rSquared = Nat.fromBigInteger(32 * words, r.multiply(r).mod(prime));
        this.rCubed = Nat.fromBigInteger(32 * words, r.pow(3).mod(prime));
        this.one = Nat.fromBigInteger(32 * words, r.mod(prime));
        this.squareRootExponent = prime.add(BigInteger.ONE).shiftRight(2);
    }

    BigInteger prime() {
        return prime;
    }

    int words() {
        return words;
    }

    /** {@code x} ({@code 0 <= x < p}) in Montgomery form. */
    int[] toMontgomery(BigInteger x) {
        int[] plain = Nat.fromBigInteger(32 * words, x);
        int[] result = new int[words];
        multiply(plain, rSquared, result);
        return result;
    }

    BigInteger fromMontgomery(int[] x) {
        int[] plainOne = new int[words];
        plainOne[0] = 1;
        int[] result = new int[words];
        multiply(x, plainOne, result);
        return Nat.toBigInteger(words, result);
    }

    int[] one() {
        return one.clone();
    }

    boolean isOne(int[] x) {
        return Nat.eq(words, x, one);
    }

    static boolean isZero(int[] x) {
        for (int word : x) {
            if (word != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code result = x·y·R^-1 mod p}: for numbers in Montgomery form, their product in Montgomery
     * form. The double-width product comes from Bouncy Castle's unrolled {@code Nat256}/{@code Nat384}
     * routines, then {@link #reduce} divides it by R modulo p. {@code result} may be {@code x} or
     * {@code y}.
     */
    void multiply(int[] x, int[] y, int[] result) {
        int[] wide = new int[2 * words];
        if (words == 8) {
            Nat256.mul(x, y, wide);
        } else if (words == 12) {
            Nat384.mul(x, y, wide);
        } else {
            Nat.mul(words, x, y, wide);
        }
        reduce(wide, result);
    }

    /** {@code result = x²·R^-1 mod p}, as {@link #multiply} but with a squaring routine. */
    void square(int[] x, int[] result) {
        int[] wide = new int[2 * words];
        if (words == 8) {
            Nat256.square(x, wide);
        } else if (words == 12) {
            Nat384.square(x, wide);
        } else {
            Nat.square(words, x, wide);
        }
        reduce(wide, result);
    }

    /**
     * Montgomery reduction: {@code result = wide·R^-1 mod p} for {@code wide < p·R}. Each step adds
     * the multiple of p that zeroes the lowest remaining word, so after {@code words} steps the
     * upper half holds the result (below 2p; one subtraction at most).
     */
    private void reduce(int[] wide, int[] result) {
        int n = words;
        long overflow = 0;
        for (int i = 0; i < n; i++) {
            long m = (wide[i] * reductionFactor) & WORD_MASK;
            long carry = 0;
            for (int j = 0; j < n; j++) {
                carry += (wide[i + j] & WORD_MASK) + m * (primeWords[j] & WORD_MASK);
                wide[i + j] = (int) carry;
                carry >>>= 32;
            }
            // the carry of this step and the overflow of the previous one both belong at word i + n
            carry += (wide[i + n] & WORD_MASK) + overflow;
            wide[i + n] = (int) carry;
            overflow = carry >>> 32;
        }
        System.arraycopy(wide, n, result, 0, n);
        if (overflow != 0 || !lessThanPrime(result)) {
            subtractPrime(result);
        }
    }

    /** {@code result = x + y mod p}; {@code result} may be {@code x} or {@code y}. */
    void add(int[] x, int[] y, int[] result) {
        long carry = 0;
        for (int i = 0; i < words; i++) {
            carry += (x[i] & WORD_MASK) + (y[i] & WORD_MASK);
            result[i] = (int) carry;
            carry >>>= 32;
        }
        if (carry != 0 || !lessThanPrime(result)) {
            subtractPrime(result);
        }
    }

    /** {@code result = x - y mod p}; {@code result} may be {@code x} or {@code y}. */
    void subtract(int[] x, int[] y, int[] result) {
        long borrow = 0;
        for (int i = 0; i < words; i++) {
            borrow += (x[i] & WORD_MASK) - (y[i] & WORD_MASK);
            result[i] = (int) borrow;
            borrow >>= 32;
        }
        if (borrow != 0) {
            addPrime(result);
        }
    }

    /** {@code result = -x mod p}. */
    void negate(int[] x, int[] result) {
        if (isZero(x)) {
            Arrays.fill(result, 0);
        } else {
            subtract(primeWords, x, result);
        }
    }

    /** {@code result = x^-1 mod p} (Montgomery form in and out). Throws for zero. */
    void invert(int[] x, int[] result) {
        if (isZero(x)) {
            throw new ArithmeticException("zero has no inverse");
        }
        int[] plainInverse = new int[words];
        Mod.checkedModOddInverseVar(primeWords, x, plainInverse);
        // x = a·R, so plainInverse = a^-1·R^-1; times R^3 and one R^-1 from the product gives a^-1·R.
        multiply(plainInverse, rCubed, result);
    }

    /** A square root of {@code x}, or {@code null} if {@code x} is not a square. */
    int[] squareRoot(int[] x) {
        int[] root = one();
        for (int bit = squareRootExponent.bitLength() - 1; bit >= 0; bit--) {
            square(root, root);
            if (squareRootExponent.testBit(bit)) {
                multiply(root, x, root);
            }
        }
        int[] check = new int[words];
        square(root, check);
        return Nat.eq(words, check, x) ? root : null;
    }

    private boolean lessThanPrime(int[] x) {
        for (int i = words - 1; i >= 0; i--) {
            int comparison = Integer.compareUnsigned(x[i], primeWords[i]);
            if (comparison != 0) {
                return comparison < 0;
            }
        }
        return false;
    }

    private void subtractPrime(int[] x) {
        long borrow = 0;
        for (int i = 0; i < words; i++) {
            borrow += (x[i] & WORD_MASK) - (primeWords[i] & WORD_MASK);
            x[i] = (int) borrow;
            borrow >>= 32;
        }
    }

    private void addPrime(int[] x) {
        long carry = 0;
        for (int i = 0; i < words; i++) {
            carry += (x[i] & WORD_MASK) + (primeWords[i] & WORD_MASK);
            x[i] = (int) carry;
            carry >>>= 32;
        }
    }
}
