package org.chargingmanager.modbus.protocol;

import java.util.List;
import java.util.Objects;

import org.chargingmanager.modbus.ModbusTable;

/**
 * One read request: {@code count} addresses of {@code table} from {@code startAddress}, covering
 * {@code registers} (ordered by address).
 */
public record ReadBlock(ModbusTable table, int startAddress, int count, List<Register> registers) {

    public ReadBlock {
        Objects.requireNonNull(table, "table");
        registers = List.copyOf(registers);
        if (count < 1 || count > table.maxReadCount()) {
            throw new IllegalArgumentException("block of " + count + " addresses in " + table);
        }
    }

    /** The address after the last one read. */
    public int endAddress() {
        return startAddress + count;
    }
}
