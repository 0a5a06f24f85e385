package org.chargingmanager.modbus.protocol;

import java.util.Objects;

import org.chargingmanager.modbus.ModbusTable;

/**
 * One register (or bit) of a device, as data. Create it with a factory and refine it with the {@code with...}
 * methods, one line per register:
 *
 * <pre>{@code
 * static final Register POWER = Register.holding("power", 8062, RegisterType.U32).withUnit("W");
 * static final Register CURRENT_L1 = Register.holding("current.l1", 8064, RegisterType.U32).withScale(0.1).withUnit("A");
 * static final Register LIMIT = Register.holding("charging_cur_limit", 8093, RegisterType.U16)
 *         .withScale(0.1).withUnit("A").writable(WritePolicy.ON_CHANGE_ONLY);
 * }</pre>
 *
 * @param name                 unique within its protocol; the simulator and test kit find registers by it
 * @param table                coils, discrete inputs, holding or input registers (this gives the function codes)
 * @param address              0-based protocol address of the first word (or bit)
 * @param type                 how the words are decoded
 * @param words                how many registers it spans (the type's size; for a string its length; 0 for a bit)
 * @param wordOrder            order of the words of 32/64-bit values
 * @param scale                engineering value = raw value × scale (e.g. 0.1 for a register in 0.1 A)
 * @param unit                 unit of the engineering value ("W", "Wh", "A", "V", ""), for documentation and logs
 * @param writePolicy          how often it may be written; {@code null} for a read-only register
 * @param polled               whether {@link ModbusDevice#read()} reads it in every cycle (false for write-only
 *                             registers and for registers read once, such as a serial number)
 * @param notAvailableMarker   whether the type's "not available" marker (0xFFFF, NaN, ...) means no value
 * @param alwaysWriteMultiple  write a one-word register with FC 16 instead of FC 06
 */
public record Register(String name, ModbusTable table, int address, RegisterType type, int words,
        WordOrder wordOrder, double scale, String unit, WritePolicy writePolicy, boolean polled,
        boolean notAvailableMarker, boolean alwaysWriteMultiple) {

    public Register {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(wordOrder, "wordOrder");
        Objects.requireNonNull(unit, "unit");
        if (name.isBlank()) {
            throw new IllegalArgumentException("empty register name");
        }
        if (address < 0 || address > 0xFFFF) {
            throw new IllegalArgumentException(name + ": address out of range: " + address);
        }
        if (table.bits() != (type == RegisterType.BOOL)) {
            throw new IllegalArgumentException(name + ": " + type + " does not fit the table " + table);
        }
        if (type == RegisterType.STRING) {
            if (words < 1 || words > ModbusTable.MAX_READ_REGISTERS) {
                throw new IllegalArgumentException(name + ": a string spans 1.." + ModbusTable.MAX_READ_REGISTERS
                        + " registers, not " + words);
            }
        } else if (words != type.words()) {
            throw new IllegalArgumentException(name + ": " + type + " spans " + type.words() + " words, not " + words);
        }
        int span = type == RegisterType.BOOL ? 1 : words;
        if (address + span - 1 > 0xFFFF) {
            throw new IllegalArgumentException(name + ": runs past address 65535");
        }
        if (!(scale > 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException(name + ": scale must be positive and finite: " + scale);
        }
        if (writePolicy != null && !table.writable()) {
            throw new IllegalArgumentException(name + ": " + table + " cannot be written");
        }
    }

    /** A number in holding registers (FC 03; written with FC 06/16 once {@link #writable}). */
    public static Register holding(String name, int address, RegisterType type) {
        return of(name, ModbusTable.HOLDING_REGISTERS, address, type);
    }

    /** A number in input registers (FC 04). */
    public static Register input(String name, int address, RegisterType type) {
        return of(name, ModbusTable.INPUT_REGISTERS, address, type);
    }

    /** Text in {@code words} holding registers. */
    public static Register holdingString(String name, int address, int words) {
        return new Register(name, ModbusTable.HOLDING_REGISTERS, address, RegisterType.STRING, words,
                WordOrder.HIGH_WORD_FIRST, 1, "", null, true, true, false);
    }

    /** Text in {@code words} input registers. */
    public static Register inputString(String name, int address, int words) {
        return new Register(name, ModbusTable.INPUT_REGISTERS, address, RegisterType.STRING, words,
                WordOrder.HIGH_WORD_FIRST, 1, "", null, true, true, false);
    }

    /** A coil (FC 01; written with FC 05 once {@link #writable}). */
    public static Register coil(String name, int address) {
        return of(name, ModbusTable.COILS, address, RegisterType.BOOL);
    }

    /** A discrete input (FC 02). */
    public static Register discreteInput(String name, int address) {
        return of(name, ModbusTable.DISCRETE_INPUTS, address, RegisterType.BOOL);
    }

    private static Register of(String name, ModbusTable table, int address, RegisterType type) {
        return new Register(name, table, address, type, Math.max(type.words(), 0), WordOrder.HIGH_WORD_FIRST, 1,
                "", null, true, true, false);
    }

    public Register withScale(double newScale) {
        return new Register(name, table, address, type, words, wordOrder, newScale, unit, writePolicy, polled,
                notAvailableMarker, alwaysWriteMultiple);
    }

    public Register withUnit(String newUnit) {
        return new Register(name, table, address, type, words, wordOrder, scale, newUnit, writePolicy, polled,
                notAvailableMarker, alwaysWriteMultiple);
    }

    public Register withWordOrder(WordOrder newOrder) {
        return new Register(name, table, address, type, words, newOrder, scale, unit, writePolicy, polled,
                notAvailableMarker, alwaysWriteMultiple);
    }

    /** Shorthand for {@code withWordOrder(WordOrder.LOW_WORD_FIRST)}. */
    public Register lowWordFirst() {
        return withWordOrder(WordOrder.LOW_WORD_FIRST);
    }

    /** This register may be written, as {@code policy} allows. */
    public Register writable(WritePolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return new Register(name, table, address, type, words, wordOrder, scale, unit, policy, polled,
                notAvailableMarker, alwaysWriteMultiple);
    }

    /** Not read by {@link ModbusDevice#read()}; read it explicitly with {@link ModbusDevice#read(java.util.Collection)}. */
    public Register notPolled() {
        return new Register(name, table, address, type, words, wordOrder, scale, unit, writePolicy, false,
                notAvailableMarker, alwaysWriteMultiple);
    }

    /** Every raw value is a value (0xFFFF of a U16 is 65535, not "not available"). */
    public Register withoutNotAvailableMarker() {
        return new Register(name, table, address, type, words, wordOrder, scale, unit, writePolicy, polled, false,
                alwaysWriteMultiple);
    }

    /** Write even a one-word register with FC 16 (some devices do not implement FC 06). */
    public Register withMultipleWrite() {
        return new Register(name, table, address, type, words, wordOrder, scale, unit, writePolicy, polled,
                notAvailableMarker, true);
    }

    /** True if {@link #writePolicy} is set. */
    public boolean writable() {
        return writePolicy != null;
    }

    /** Addresses taken: the words, or 1 for a bit. */
    public int span() {
        return type == RegisterType.BOOL ? 1 : words;
    }

    /** The address after the last one this register takes. */
    public int endAddress() {
        return address + span();
    }

    @Override
    public String toString() {
        return name + "@" + table + ":" + address + "(" + type + (type == RegisterType.STRING ? "[" + words + "]" : "")
                + (scale != 1 ? " x" + scale : "") + (unit.isEmpty() ? "" : " " + unit) + ")";
    }
}
