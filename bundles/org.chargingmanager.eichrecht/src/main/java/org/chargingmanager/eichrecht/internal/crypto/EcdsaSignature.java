package org.chargingmanager.eichrecht.internal.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * An ECDSA signature (r, s), read from DER or from raw {@code r || s}.
 *
 * <p>The DER reader is lenient on purpose: some real meters write integers with superfluous
 * leading zero bytes, or without the zero byte that keeps a value with the top bit set
 * positive. Both are read as unsigned big-endian numbers; the structure (SEQUENCE of two
 * INTEGERs, lengths adding up exactly) must still be right.
 */
public record EcdsaSignature(BigInteger r, BigInteger s) {

    /**
     * @param curve gives the length of raw {@code r || s}
     * @throws IllegalArgumentException with a reason if the bytes are neither form
     */
    public static EcdsaSignature decode(byte[] bytes, EcCurve curve) {
        EcdsaSignature der = decodeDer(bytes);
        if (der != null) {
            return der;
        }
        int n = curve.fieldBytes();
        if (bytes.length == 2 * n) {
            return new EcdsaSignature(new BigInteger(1, Arrays.copyOfRange(bytes, 0, n)),
                    new BigInteger(1, Arrays.copyOfRange(bytes, n, 2 * n)));
        }
        throw new IllegalArgumentException("the signature is neither DER nor " + 2 * n + " bytes r||s for "
                + curve.curveName() + " (" + bytes.length + " bytes)");
    }

    /** {@code null} if the bytes are not a DER SEQUENCE of two INTEGERs. */
    static EcdsaSignature decodeDer(byte[] bytes) {
        Reader reader = new Reader(bytes);
        if (reader.next() != 0x30) {
            return null;
        }
        int sequenceLength = reader.length();
        if (sequenceLength < 0 || reader.position + sequenceLength != bytes.length) {
            return null;
        }
        BigInteger r = reader.integer();
        BigInteger s = r == null ? null : reader.integer();
        if (s == null || reader.position != bytes.length) {
            return null;
        }
        return new EcdsaSignature(r, s);
    }

    /** Strict minimal DER, as this project writes it. */
    public byte[] toDer() {
        byte[] rBytes = r.toByteArray();
        byte[] sBytes = s.toByteArray();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeTlv(body, 0x02, rBytes);
        writeTlv(body, 0x02, sBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTlv(out, 0x30, body.toByteArray());
        return out.toByteArray();
    }

    /** Raw {@code r || s}, each left-padded to the curve's size. */
    public byte[] toRaw(EcCurve curve) {
        int n = curve.fieldBytes();
        byte[] out = new byte[2 * n];
        copyUnsigned(r, out, 0, n);
        copyUnsigned(s, out, n, n);
        return out;
    }

    private static void copyUnsigned(BigInteger value, byte[] target, int offset, int length) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > length ? bytes.length - length : 0;
        int count = bytes.length - start;
        System.arraycopy(bytes, start, target, offset + length - count, count);
    }

    private static void writeTlv(ByteArrayOutputStream out, int tag, byte[] value) {
        out.write(tag);
        if (value.length < 0x80) {
            out.write(value.length);
        } else {
            out.write(0x81);
            out.write(value.length);
        }
        out.writeBytes(value);
    }

    private static final class Reader {
        private final byte[] bytes;
        private int position;

        Reader(byte[] bytes) {
            this.bytes = bytes;
        }

        int next() {
            return position < bytes.length ? bytes[position++] & 0xff : -1;
        }

        int length() {
            int first = next();
            if (first < 0) {
                return -1;
            }
            if (first < 0x80) {
                return first;
            }
            int count = first & 0x7f;
            if (count == 0 || count > 2) {
                return -1;
            }
            int length = 0;
            for (int i = 0; i < count; i++) {
                int b = next();
                if (b < 0) {
                    return -1;
                }
                length = (length << 8) | b;
            }
            return length;
        }

        BigInteger integer() {
            if (next() != 0x02) {
                return null;
            }
            int length = length();
            if (length <= 0 || position + length > bytes.length) {
                return null;
            }
            BigInteger value = new BigInteger(1, Arrays.copyOfRange(bytes, position, position + length));
            position += length;
            return value;
        }
    }
}
