package org.chargingmanager.gridsignal.internal.input;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusTable;

/** Contacts wired to the digital inputs (discrete inputs, FC 02) or coils (FC 01) of a Modbus device. */
final class ModbusContactReader implements ContactReader {

    private final ModbusLine line;
    private final int unitId;
    private final ModbusTable table;
    private final int[] addresses;
    private final int first;
    private final int count;
    private final Duration timeout;

    ModbusContactReader(ModbusLine line, int unitId, ModbusTable table, int[] addresses, Duration timeout) {
        if (!table.bits()) {
            throw new IllegalArgumentException("contacts are read from discrete inputs or coils, not " + table);
        }
        this.line = line;
        this.unitId = unitId;
        this.table = table;
        this.addresses = addresses.clone();
        this.first = Arrays.stream(addresses).min().orElseThrow();
        this.count = Arrays.stream(addresses).max().orElseThrow() - first + 1;
        if (count > ModbusTable.MAX_READ_BITS) {
            throw new IllegalArgumentException("the contacts' addresses must lie within " + ModbusTable.MAX_READ_BITS);
        }
        this.timeout = timeout;
    }

    @Override
    public boolean[] read() throws IOException {
        boolean[] bits;
        try {
            bits = line.readBits(unitId, table, first, count, timeout);
        } catch (ModbusException e) {
            throw new IOException(e.getMessage(), e);
        }
        boolean[] states = new boolean[addresses.length];
        for (int i = 0; i < addresses.length; i++) {
            states[i] = bits[addresses[i] - first];
        }
        return states;
    }

    @Override
    public void close() {
        line.close();
    }
}
