package org.chargingmanager.modbus.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class RegisterCodecPropertiesTest {

    record Case(Register register, long raw) {
    }

    private static final RegisterType[] INTEGERS = {RegisterType.U16, RegisterType.S16, RegisterType.U32,
            RegisterType.S32, RegisterType.U64, RegisterType.S64};

    @Provide
    Arbitrary<Case> integerCases() {
        return Combinators.combine(Arbitraries.of(INTEGERS), Arbitraries.of(WordOrder.values()),
                Arbitraries.longs(), Arbitraries.integers().between(0, 65535 - 4))
                .as((type, order, bits, address) -> {
                    Register r = Register.holding("r", address, type).withWordOrder(order);
                    return new Case(r, clamp(type, bits));
                });
    }

    /** A raw value in the type's range (never its "not available" marker). */
    private static long clamp(RegisterType type, long bits) {
        long v = switch (type) {
            case U16 -> bits & 0xFFFFL;
            case S16 -> (short) bits;
            case U32 -> bits & 0xFFFFFFFFL;
            case S32 -> (int) bits;
            case U64 -> bits & Long.MAX_VALUE;
            default -> bits;
        };
        boolean marker = switch (type) {
            case U16 -> v == 0xFFFF;
            case S16 -> v == Short.MIN_VALUE;
            case U32 -> v == 0xFFFFFFFFL;
            case S32 -> v == Integer.MIN_VALUE;
            case S64 -> v == Long.MIN_VALUE;
            default -> false;
        };
        return marker ? v ^ 1 : v;
    }

    @Property
    void integersRoundTripInEveryWordOrder(@ForAll("integerCases") Case c) {
        int[] words = RegisterCodec.encodeRaw(c.register(), c.raw());
        assertThat(words).hasSize(c.register().words());
        assertThat(java.util.Arrays.stream(words).allMatch(w -> w >= 0 && w <= 0xFFFF)).isTrue();
        assertThat(RegisterCodec.decodeRaw(c.register(), words, 0)).isEqualTo(OptionalLong.of(c.raw()));
    }

    @Property
    void decodingReadsAtTheOffset(@ForAll("integerCases") Case c, @ForAll @IntRange(max = 10) int offset) {
        int[] words = RegisterCodec.encodeRaw(c.register(), c.raw());
        int[] block = new int[offset + words.length + 3];
        java.util.Arrays.fill(block, 0xABCD);
        System.arraycopy(words, 0, block, offset, words.length);
        assertThat(RegisterCodec.decodeRaw(c.register(), block, offset)).isEqualTo(OptionalLong.of(c.raw()));
    }

    @Property
    void lowWordFirstIsTheReverseOfHighWordFirst(@ForAll("integerCases") Case c) {
        int[] high = RegisterCodec.encodeRaw(c.register().withWordOrder(WordOrder.HIGH_WORD_FIRST), c.raw());
        int[] low = RegisterCodec.encodeRaw(c.register().withWordOrder(WordOrder.LOW_WORD_FIRST), c.raw());
        for (int i = 0; i < high.length; i++) {
            assertThat(low[i]).isEqualTo(high[high.length - 1 - i]);
        }
    }

    @Property
    void scaledNumbersRoundTripToTheSameWords(@ForAll("integerCases") Case c,
            @ForAll("scales") double scale) {
        Register r = c.register().withScale(scale);
        long raw = Math.abs(c.raw()) > (1L << 50) ? c.raw() >> 14 : c.raw(); // stay exact in a double
        double value = raw * scale;
        int[] words = RegisterCodec.encodeNumber(r, value);
        assertThat(RegisterCodec.decodeRaw(r, words, 0)).isEqualTo(OptionalLong.of(raw));
        assertThat(RegisterCodec.decodeNumber(r, words, 0).getAsDouble()).isEqualTo(raw * scale);
    }

    @Provide
    Arbitrary<Double> scales() {
        return Arbitraries.of(1.0, 0.1, 0.01, 0.001, 10.0, 0.5);
    }

    @Property
    void floatsRoundTrip(@ForAll float value, @ForAll WordOrder order) {
        Register r = Register.input("f", 0, RegisterType.F32).withWordOrder(order);
        var decoded = RegisterCodec.decodeNumber(r, RegisterCodec.encodeNumber(r, value), 0);
        if (Float.isNaN(value)) {
            assertThat(decoded).isEmpty();
        } else {
            assertThat(decoded.getAsDouble()).isEqualTo((double) value);
        }
    }

    @Property
    void doublesRoundTrip(@ForAll double value, @ForAll WordOrder order) {
        Register r = Register.input("d", 10, RegisterType.F64).withWordOrder(order);
        var decoded = RegisterCodec.decodeNumber(r, RegisterCodec.encodeNumber(r, value), 0);
        if (Double.isNaN(value)) {
            assertThat(decoded).isEmpty();
        } else {
            assertThat(decoded.getAsDouble()).isEqualTo(value);
        }
    }

    @Property
    void stringsRoundTrip(@ForAll @StringLength(max = 32) @Chars({'a', 'Z', '0', '-', ' ', '.', 'é'}) String text,
            @ForAll @IntRange(min = 16, max = 20) int words) {
        Register r = Register.holdingString("s", 100, words);
        String decoded = RegisterCodec.decodeString(r, RegisterCodec.encodeString(r, text), 0);
        assertThat(decoded).isEqualTo(text.stripTrailing());
    }

    @Property
    void theMarkerIsEmptyUnlessSwitchedOff(@ForAll RegisterType type) {
        if (type == RegisterType.BOOL || type == RegisterType.STRING) {
            return;
        }
        Register r = Register.holding("m", 0, type);
        int[] marker = RegisterCodec.notAvailable(r);
        assertThat(RegisterCodec.decodeNumber(r, marker, 0)).isEmpty();
        if (!type.floatingPoint()) {
            assertThat(RegisterCodec.decodeNumber(r.withoutNotAvailableMarker(), marker, 0)).isPresent();
        }
    }
}
