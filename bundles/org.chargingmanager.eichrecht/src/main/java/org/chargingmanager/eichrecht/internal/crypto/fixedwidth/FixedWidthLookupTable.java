package org.chargingmanager.eichrecht.internal.crypto.fixedwidth;

import org.bouncycastle.math.ec.AbstractECLookupTable;
import org.bouncycastle.math.ec.ECFieldElement;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Affine points (already normalised by the caller) as Montgomery words, for Bouncy Castle's
 * fixed-point multiplication. {@link #lookup} reads every entry (no index-dependent memory access)
 * as Bouncy Castle's contract asks; {@link #lookupVar} reads only the one asked for.
 */
final class FixedWidthLookupTable extends AbstractECLookupTable {

    private final FixedWidthCurve curve;
    private final MontgomeryField field;
    private final int size;
    private final int words;
    /** Entry i is x at {@code [2·i·words, (2·i+1)·words)}, then y. */
    private final int[] coordinates;

    FixedWidthLookupTable(FixedWidthCurve curve, MontgomeryField field, ECPoint[] points, int offset, int length) {
        this.curve = curve;
        this.field = field;
        this.size = length;
        this.words = field.words();
        this.coordinates = new int[length * 2 * words];
        for (int i = 0; i < length; i++) {
            ECPoint point = points[offset + i].normalize();
            int[] x = ((FixedWidthFieldElement) point.getRawXCoord()).montgomery();
            int[] y = ((FixedWidthFieldElement) point.getRawYCoord()).montgomery();
            System.arraycopy(x, 0, coordinates, 2 * i * words, words);
            System.arraycopy(y, 0, coordinates, (2 * i + 1) * words, words);
        }
    }

    @Override
    public int getSize() {
        return size;
    }

    @Override
    public ECPoint lookup(int index) {
        int[] x = new int[words];
        int[] y = new int[words];
        for (int i = 0; i < size; i++) {
            int mask = ((i ^ index) - 1) >> 31;
            for (int j = 0; j < words; j++) {
                x[j] ^= coordinates[2 * i * words + j] & mask;
                y[j] ^= coordinates[(2 * i + 1) * words + j] & mask;
            }
        }
        return point(x, y);
    }

    @Override
    public ECPoint lookupVar(int index) {
        int[] x = new int[words];
        int[] y = new int[words];
        System.arraycopy(coordinates, 2 * index * words, x, 0, words);
        System.arraycopy(coordinates, (2 * index + 1) * words, y, 0, words);
        return point(x, y);
    }

    private ECPoint point(int[] x, int[] y) {
        return new FixedWidthPoint(curve, new FixedWidthFieldElement(field, x), new FixedWidthFieldElement(field, y),
                new ECFieldElement[] {new FixedWidthFieldElement(field, field.one())});
    }
}
