package org.chargingmanager.modbus.protocol;

/** How the words of a register are read. */
public enum RegisterType {
    /** One bit of the coil or discrete input table. */
    BOOL(0, false),
    /** Unsigned 16 bits; "not available" marker 0xFFFF. */
    U16(1, false),
    /** Signed 16 bits (two's complement); marker 0x8000. */
    S16(1, true),
    /** Unsigned 32 bits in two words; marker 0xFFFFFFFF. */
    U32(2, false),
    /** Signed 32 bits in two words; marker 0x80000000. */
    S32(2, true),
    /** IEEE 754 single precision in two words; marker NaN. */
    F32(2, true),
    /** Unsigned 64 bits in four words (values above 2^63 - 1 are not supported); marker 0xFFFFFFFFFFFFFFFF. */
    U64(4, false),
    /** Signed 64 bits in four words; marker 0x8000000000000000. */
    S64(4, true),
    /** IEEE 754 double precision in four words; marker NaN. */
    F64(4, true),
    /** Text of N registers, two bytes (ISO 8859-1, high byte first) per register, padded with NUL or blanks. */
    STRING(-1, false);

    private final int words;
    private final boolean signed;

    RegisterType(int words, boolean signed) {
        this.words = words;
        this.signed = signed;
    }

    /** Registers this type takes: 0 for a bit, -1 for a string (its length is the register's). */
    public int words() {
        return words;
    }

    public boolean signed() {
        return signed;
    }

    public boolean floatingPoint() {
        return this == F32 || this == F64;
    }

    /** True for the integer types (U16 .. S64). */
    public boolean integer() {
        return words > 0 && !floatingPoint();
    }
}
