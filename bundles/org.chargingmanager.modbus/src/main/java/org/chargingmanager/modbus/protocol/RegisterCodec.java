package org.chargingmanager.modbus.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Turns register words into values and back. Pure. Words are 0..65535; a value that is the type's "not
 * available" marker (see {@link RegisterType}) decodes to an empty value unless the register says
 * {@link Register#withoutNotAvailableMarker()}; NaN of a float is always empty, infinities are values.
 */
public final class RegisterCodec {

    private RegisterCodec() {
    }

    /**
     * The raw integer of an integer register (unscaled), empty if it holds the "not available" marker.
     *
     * @param words  the block's words
     * @param offset index of the register's first word in {@code words}
     */
    public static OptionalLong decodeRaw(Register register, int[] words, int offset) {
        RegisterType type = register.type();
        if (!type.integer()) {
            throw new IllegalArgumentException(register.name() + ": " + type + " has no integer value");
        }
        long bits = combine(register, words, offset);
        if (register.notAvailableMarker() && bits == marker(type)) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(switch (type) {
            case S16 -> (short) bits;
            case S32 -> (int) bits;
            default -> bits;
        });
    }

    /** The engineering value (raw × scale) of a number register, empty if not available. */
    public static OptionalDouble decodeNumber(Register register, int[] words, int offset) {
        RegisterType type = register.type();
        double raw;
        if (type == RegisterType.F32) {
            raw = Float.intBitsToFloat((int) combine(register, words, offset));
        } else if (type == RegisterType.F64) {
            raw = Double.longBitsToDouble(combine(register, words, offset));
        } else if (type.integer()) {
            OptionalLong value = decodeRaw(register, words, offset);
            if (value.isEmpty()) {
                return OptionalDouble.empty();
            }
            raw = type == RegisterType.U64 && value.getAsLong() < 0
                    ? unsignedToDouble(value.getAsLong()) : value.getAsLong();
        } else {
            throw new IllegalArgumentException(register.name() + ": " + type + " is not a number");
        }
        if (Double.isNaN(raw)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(raw * register.scale());
    }

    /** The text of a string register: up to the first NUL, trailing blanks removed. */
    public static String decodeString(Register register, int[] words, int offset) {
        requireType(register, RegisterType.STRING);
        byte[] bytes = new byte[register.words() * 2];
        for (int i = 0; i < register.words(); i++) {
            int w = word(words, offset + i);
            bytes[2 * i] = (byte) (w >>> 8);
            bytes[2 * i + 1] = (byte) w;
        }
        int length = 0;
        while (length < bytes.length && bytes[length] != 0) {
            length++;
        }
        return new String(bytes, 0, length, StandardCharsets.ISO_8859_1).stripTrailing();
    }

    /**
     * The words that hold {@code value} (an engineering value: divided by the scale, integers rounded to the
     * nearest).
     *
     * @throws IllegalArgumentException if the value does not fit the type (or is NaN for an integer type)
     */
    public static int[] encodeNumber(Register register, double value) {
        RegisterType type = register.type();
        double raw = value / register.scale();
        if (type == RegisterType.F32) {
            return split(register, Float.floatToIntBits((float) raw) & 0xFFFFFFFFL);
        }
        if (type == RegisterType.F64) {
            return split(register, Double.doubleToLongBits(raw));
        }
        if (!type.integer()) {
            throw new IllegalArgumentException(register.name() + ": " + type + " is not a number");
        }
        if (Double.isNaN(raw) || Double.isInfinite(raw)) {
            throw new IllegalArgumentException(register.name() + ": " + value + " is not an integer value");
        }
        double rounded = Math.rint(raw);
        if (rounded < minimum(type) || rounded > maximum(type)) {
            throw new IllegalArgumentException(register.name() + ": " + value + " " + register.unit()
                    + " is out of range for " + type + " with scale " + register.scale());
        }
        return encodeRaw(register, (long) rounded);
    }

    /** The words of a raw integer (unscaled); the low bits are used, so -1 of a U16 gives 0xFFFF. */
    public static int[] encodeRaw(Register register, long raw) {
        if (!register.type().integer()) {
            throw new IllegalArgumentException(register.name() + ": " + register.type() + " has no integer value");
        }
        return split(register, raw);
    }

    /** The words of a text, padded with NUL. */
    public static int[] encodeString(Register register, String text) {
        requireType(register, RegisterType.STRING);
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length > register.words() * 2 || !new String(bytes, StandardCharsets.ISO_8859_1).equals(text)) {
            throw new IllegalArgumentException(register.name() + ": text does not fit " + register.words()
                    + " registers of ISO 8859-1: " + text);
        }
        int[] words = new int[register.words()];
        for (int i = 0; i < words.length; i++) {
            int hi = 2 * i < bytes.length ? bytes[2 * i] & 0xFF : 0;
            int lo = 2 * i + 1 < bytes.length ? bytes[2 * i + 1] & 0xFF : 0;
            words[i] = hi << 8 | lo;
        }
        return words;
    }

    /** The words of the type's "not available" marker (NaN for floats); for simulators and tests. */
    public static int[] notAvailable(Register register) {
        RegisterType type = register.type();
        return switch (type) {
            case F32 -> split(register, Float.floatToIntBits(Float.NaN) & 0xFFFFFFFFL);
            case F64 -> split(register, Double.doubleToLongBits(Double.NaN));
            case BOOL, STRING -> throw new IllegalArgumentException(type + " has no marker");
            default -> split(register, marker(type));
        };
    }

    /** True if the words decode to a value (not the marker, not NaN). */
    public static boolean available(Register register, int[] words, int offset) {
        return switch (register.type()) {
            case STRING -> true;
            case BOOL -> throw new IllegalArgumentException("bits are always available");
            default -> decodeNumber(register, words, offset).isPresent();
        };
    }

    /** Decodes any register to a display value: a number, a text, or empty. */
    public static Optional<Object> decode(Register register, int[] words, int offset) {
        if (register.type() == RegisterType.STRING) {
            return Optional.of(decodeString(register, words, offset));
        }
        OptionalDouble number = decodeNumber(register, words, offset);
        return number.isPresent() ? Optional.of(number.getAsDouble()) : Optional.empty();
    }

    private static void requireType(Register register, RegisterType type) {
        if (register.type() != type) {
            throw new IllegalArgumentException(register.name() + " is " + register.type() + ", not " + type);
        }
    }

    private static long marker(RegisterType type) {
        return switch (type) {
            case U16 -> 0xFFFFL;
            case S16 -> 0x8000L;
            case U32 -> 0xFFFFFFFFL;
            case S32 -> 0x80000000L;
            case U64 -> -1L;
            case S64 -> Long.MIN_VALUE;
            default -> throw new IllegalArgumentException(type + " has no integer marker");
        };
    }

    private static double minimum(RegisterType type) {
        return switch (type) {
            case S16 -> Short.MIN_VALUE;
            case S32 -> Integer.MIN_VALUE;
            case S64 -> Long.MIN_VALUE;
            default -> 0;
        };
    }

    private static double maximum(RegisterType type) {
        return switch (type) {
            case U16 -> 0xFFFF;
            case S16 -> Short.MAX_VALUE;
            case U32 -> 0xFFFFFFFFL;
            case S32 -> Integer.MAX_VALUE;
            // the largest double below 2^63, so that the cast to long is exact
            default -> Math.nextDown(0x1p63);
        };
    }

    private static double unsignedToDouble(long value) {
        return (double) (value >>> 1) * 2.0 + (value & 1);
    }

    /** The register's words as one unsigned number, most significant word first. */
    private static long combine(Register register, int[] words, int offset) {
        int n = register.words();
        long result = 0;
        for (int i = 0; i < n; i++) {
            int index = register.wordOrder() == WordOrder.HIGH_WORD_FIRST ? offset + i : offset + n - 1 - i;
            result = result << 16 | word(words, index);
        }
        return result;
    }

    private static int[] split(Register register, long bits) {
        int n = register.words();
        int[] words = new int[n];
        for (int i = 0; i < n; i++) {
            int w = (int) (bits >>> (16 * (n - 1 - i))) & 0xFFFF;
            words[register.wordOrder() == WordOrder.HIGH_WORD_FIRST ? i : n - 1 - i] = w;
        }
        return words;
    }

    private static int word(int[] words, int index) {
        if (index < 0 || index >= words.length) {
            throw new IllegalArgumentException("word " + index + " outside the " + words.length + " words read: "
                    + Arrays.toString(words));
        }
        return words[index] & 0xFFFF;
    }
}
