package org.chargingmanager.modbus.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegisterCodecTest {

    @Test
    void cfosEnergyIsAnUnsigned64BitHighWordFirst() {
        Register energy = Register.holding("energy", 8058, RegisterType.U64).withUnit("Wh");
        int[] words = {0x0000, 0x0000, 0x0001, 0xE240}; // 123456 Wh
        assertThat(RegisterCodec.decodeNumber(energy, words, 0)).hasValue(123456);
    }

    @Test
    void currentInTenthsOfAnAmpere() {
        Register current = Register.holding("current", 8064, RegisterType.U32).withScale(0.1).withUnit("A");
        assertThat(RegisterCodec.decodeNumber(current, new int[] {0, 160}, 0).getAsDouble()).isEqualTo(16.0);
        assertThat(RegisterCodec.encodeNumber(current, 16.0)).containsExactly(0, 160);
        assertThat(RegisterCodec.encodeNumber(current, 16.04)).containsExactly(0, 160);
    }

    @Test
    void float32ByTheBook() {
        Register voltage = Register.input("u1", 0, RegisterType.F32).withUnit("V");
        assertThat(RegisterCodec.encodeNumber(voltage, 230.5)).containsExactly(0x4366, 0x8000);
        assertThat(RegisterCodec.encodeNumber(voltage.lowWordFirst(), 230.5)).containsExactly(0x8000, 0x4366);
        assertThat(RegisterCodec.decodeNumber(voltage, new int[] {0x7FC0, 0x0000}, 0)).isEmpty();
    }

    @Test
    void signedValues() {
        Register s16 = Register.holding("p", 0, RegisterType.S16);
        assertThat(RegisterCodec.decodeNumber(s16, new int[] {0xFFFF}, 0)).hasValue(-1);
        assertThat(RegisterCodec.decodeNumber(s16, new int[] {0x8000}, 0)).isEmpty();
        Register s32 = Register.holding("p", 0, RegisterType.S32);
        assertThat(RegisterCodec.encodeNumber(s32, -2)).containsExactly(0xFFFF, 0xFFFE);
    }

    @Test
    void markersOfUnsignedValues() {
        Register u16 = Register.holding("a", 0, RegisterType.U16);
        assertThat(RegisterCodec.decodeNumber(u16, new int[] {0xFFFF}, 0)).isEmpty();
        assertThat(RegisterCodec.decodeNumber(u16.withoutNotAvailableMarker(), new int[] {0xFFFF}, 0)).hasValue(65535);
        Register u32 = Register.holding("b", 0, RegisterType.U32);
        assertThat(RegisterCodec.decodeNumber(u32, new int[] {0xFFFF, 0xFFFF}, 0)).isEmpty();
        assertThat(RegisterCodec.decodeNumber(u32, new int[] {0x0000, 0xFFFF}, 0)).hasValue(65535);
    }

    @Test
    void outOfRangeValuesAreRefused() {
        Register limit = Register.holding("limit", 8093, RegisterType.U16).withScale(0.1);
        assertThatThrownBy(() -> RegisterCodec.encodeNumber(limit, 7000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegisterCodec.encodeNumber(limit, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RegisterCodec.encodeNumber(limit, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void stringsStopAtNulAndDropTrailingBlanks() {
        Register serial = Register.holdingString("serial", 8008, 4);
        assertThat(RegisterCodec.decodeString(serial, new int[] {0x4142, 0x4300, 0x4444, 0x4444}, 0)).isEqualTo("ABC");
        assertThat(RegisterCodec.decodeString(serial, new int[] {0x4142, 0x2020, 0x2020, 0x2020}, 0)).isEqualTo("AB");
        assertThatThrownBy(() -> RegisterCodec.encodeString(serial, "123456789"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void registersAreValidatedWhenDeclared() {
        assertThatThrownBy(() -> Register.input("x", 0, RegisterType.U16).writable(WritePolicy.ON_CHANGE_ONLY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Register.holding("x", 65535, RegisterType.U32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Register.holding("x", 0, RegisterType.BOOL))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DeviceProtocol.of("p", Register.holding("a", 0, RegisterType.U16),
                Register.holding("a", 1, RegisterType.U16))).isInstanceOf(IllegalArgumentException.class);
    }
}
