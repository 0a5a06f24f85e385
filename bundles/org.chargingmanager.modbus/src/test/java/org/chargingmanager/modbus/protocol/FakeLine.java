package org.chargingmanager.modbus.protocol;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusTable;

/** An in-memory line: one device's holding/input registers and coils; records every request. */
final class FakeLine implements ModbusLine {

    final int[] holding = new int[65536];
    final int[] input = new int[65536];
    final boolean[] coils = new boolean[65536];
    final List<String> requests = new ArrayList<>();
    ModbusException failNext;

    @Override
    public ModbusEndpoint endpoint() {
        return new ModbusEndpoint.Tcp("fake", 502);
    }

    private void maybeFail() throws ModbusException {
        if (failNext != null) {
            ModbusException e = failNext;
            failNext = null;
            throw e;
        }
    }

    @Override
    public int[] readRegisters(int unitId, ModbusTable table, int address, int count, Duration timeout)
            throws ModbusException {
        requests.add("read " + table.readFunctionCode() + " " + address + "+" + count);
        maybeFail();
        int[] source = table == ModbusTable.HOLDING_REGISTERS ? holding : input;
        return java.util.Arrays.copyOfRange(source, address, address + count);
    }

    @Override
    public boolean[] readBits(int unitId, ModbusTable table, int address, int count, Duration timeout)
            throws ModbusException {
        requests.add("read " + table.readFunctionCode() + " " + address + "+" + count);
        maybeFail();
        return java.util.Arrays.copyOfRange(coils, address, address + count);
    }

    @Override
    public void writeSingleRegister(int unitId, int address, int value, Duration timeout) throws ModbusException {
        requests.add("write 6 " + address + "=" + value);
        maybeFail();
        holding[address] = value;
    }

    @Override
    public void writeRegisters(int unitId, int address, int[] words, Duration timeout) throws ModbusException {
        requests.add("write 16 " + address + "=" + java.util.Arrays.toString(words));
        maybeFail();
        System.arraycopy(words, 0, holding, address, words.length);
    }

    @Override
    public void writeCoil(int unitId, int address, boolean value, Duration timeout) throws ModbusException {
        requests.add("write 5 " + address + "=" + value);
        maybeFail();
        coils[address] = value;
    }

    @Override
    public void writeCoils(int unitId, int address, boolean[] values, Duration timeout) throws ModbusException {
        requests.add("write 15 " + address);
        maybeFail();
        System.arraycopy(values, 0, coils, address, values.length);
    }

    @Override
    public boolean connected() {
        return true;
    }

    @Override
    public long connectionCount() {
        return 1;
    }

    @Override
    public void close() {
    }
}
