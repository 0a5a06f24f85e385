package org.chargingmanager.eichrecht.internal.crypto.fixedwidth;

import java.math.BigInteger;
import java.util.Arrays;

import org.bouncycastle.math.ec.ECFieldElement;

/**
 * An element of the prime field of a {@link FixedWidthCurve}, held in Montgomery form (see
 * {@link MontgomeryField}). Immutable, like every Bouncy Castle field element.
 */
final class FixedWidthFieldElement extends ECFieldElement.AbstractFp {

    private final MontgomeryField field;
    /** The Montgomery form {@code x·R mod p}, fully reduced. */
    private final int[] montgomery;

    FixedWidthFieldElement(MontgomeryField field, int[] montgomery) {
        this.field = field;
        this.montgomery = montgomery;
    }

    static FixedWidthFieldElement of(MontgomeryField field, BigInteger x) {
        if (x == null || x.signum() < 0 || x.compareTo(field.prime()) >= 0) {
            throw new IllegalArgumentException("x value invalid for the field");
        }
        return new FixedWidthFieldElement(field, field.toMontgomery(x));
    }

    int[] montgomery() {
        return montgomery;
    }

    private int[] newWords() {
        return new int[field.words()];
    }

    private static int[] wordsOf(ECFieldElement element) {
        return ((FixedWidthFieldElement) element).montgomery;
    }

    @Override
    public BigInteger toBigInteger() {
        return field.fromMontgomery(montgomery);
    }

    @Override
    public String getFieldName() {
        return "Fp";
    }

    @Override
    public int getFieldSize() {
        return field.prime().bitLength();
    }

    @Override
    public ECFieldElement add(ECFieldElement other) {
        int[] result = newWords();
        field.add(montgomery, wordsOf(other), result);
        return new FixedWidthFieldElement(field, result);
    }

    @Override
    public ECFieldElement addOne() {
        int[] result = newWords();
        field.add(montgomery, field.one(), result);
        return new FixedWidthFieldElement(field, result);
    }

    @Override
    public ECFieldElement subtract(ECFieldElement other) {
        int[] result = newWords();
        field.subtract(montgomery, wordsOf(other), result);
        return new FixedWidthFieldElement(field, result);
    }

    @Override
    public ECFieldElement multiply(ECFieldElement other) {
        int[] result = newWords();
        field.multiply(montgomery, wordsOf(other), result);
        return new FixedWidthFieldElement(field, result);
    }

    @Override
    public ECFieldElement divide(ECFieldElement other) {
        int[] result = newWords();
        field.invert(wordsOf(other), result);
        field.multiply(montgomery, result, result);
        return new FixedWidthFieldElement(field, result);
    }

    @Override
    public ECFieldElement negate() {
        int[] result = newWords();
        field.negate(montgomery, result);
        return new FixedWidthFieldElement(field, result);
    }

    @Override
    public ECFieldElement square() {
        int[] result = newWords();
        field.square(montgomery, result);
        return new FixedWidthFieldElement(field, result);
    }

    @Override
    public ECFieldElement invert() {
        int[] result = newWords();
        field.invert(montgomery, result);
        return new FixedWidthFieldElement(field, result);
    }

    @Override
    public ECFieldElement sqrt() {
        int[] root = field.squareRoot(montgomery);
        return root == null ? null : new FixedWidthFieldElement(field, root);
    }

    @Override
    public boolean isOne() {
        return field.isOne(montgomery);
    }

    @Override
    public boolean isZero() {
        return MontgomeryField.isZero(montgomery);
    }

    @Override
    public boolean testBitZero() {
        return toBigInteger().testBit(0);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FixedWidthFieldElement element
                && field.prime().equals(element.field.prime())
                && Arrays.equals(montgomery, element.montgomery);
    }

    @Override
    public int hashCode() {
        return field.prime().hashCode() ^ Arrays.hashCode(montgomery);
    }
}
