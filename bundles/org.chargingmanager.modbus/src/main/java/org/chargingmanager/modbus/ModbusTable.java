package org.chargingmanager.modbus;

/** The four Modbus data tables, with the function codes that read and write them. */
public enum ModbusTable {
    /** Read/write bits: read FC 01, write FC 05 (one) or FC 15 (several). */
    COILS(1, true, true),
    /** Read-only bits: read FC 02. */
    DISCRETE_INPUTS(2, true, false),
    /** Read/write 16-bit registers: read FC 03, write FC 06 (one) or FC 16 (several). */
    HOLDING_REGISTERS(3, false, true),
    /** Read-only 16-bit registers: read FC 04. */
    INPUT_REGISTERS(4, false, false);

    /** Most registers one read may ask for (Modbus application protocol, FC 03/04). */
    public static final int MAX_READ_REGISTERS = 125;
    /** Most bits one read may ask for (FC 01/02). */
    public static final int MAX_READ_BITS = 2000;
    /** Most registers one FC 16 write may carry. */
    public static final int MAX_WRITE_REGISTERS = 123;

    private final int readFunctionCode;
    private final boolean bits;
    private final boolean writable;

    ModbusTable(int readFunctionCode, boolean bits, boolean writable) {
        this.readFunctionCode = readFunctionCode;
        this.bits = bits;
        this.writable = writable;
    }

    /** The function code that reads this table: 1, 2, 3 or 4. */
    public int readFunctionCode() {
        return readFunctionCode;
    }

    /** True for coils and discrete inputs (one bit per address), false for 16-bit registers. */
    public boolean bits() {
        return bits;
    }

    /** True for coils and holding registers. */
    public boolean writable() {
        return writable;
    }

    /** Most addresses one read of this table may cover. */
    public int maxReadCount() {
        return bits ? MAX_READ_BITS : MAX_READ_REGISTERS;
    }
}
