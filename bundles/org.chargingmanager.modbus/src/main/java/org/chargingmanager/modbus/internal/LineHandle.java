package org.chargingmanager.modbus.internal;

import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusException.Kind;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusTable;

import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadCoilsRequest;
import com.ghgande.j2mod.modbus.msg.ReadCoilsResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputDiscretesResponse;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadInputRegistersResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteCoilRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleCoilsRequest;
import com.ghgande.j2mod.modbus.msg.WriteMultipleRegistersRequest;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterRequest;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.util.BitVector;

/** One user's view of a {@link SharedLine}: builds the j2mod requests and checks the answers' sizes. */
final class LineHandle implements ModbusLine {

    private final J2modLines owner;
    private final SharedLine line;
    private volatile boolean closed;

    LineHandle(J2modLines owner, SharedLine line) {
        this.owner = owner;
        this.line = line;
    }

    @Override
    public ModbusEndpoint endpoint() {
        return line.endpoint();
    }

    @Override
    public int[] readRegisters(int unitId, ModbusTable table, int address, int count, Duration timeout)
            throws ModbusException {
        Objects.requireNonNull(table, "table");
        checkRange(address, count, ModbusTable.MAX_READ_REGISTERS);
        if (table.bits()) {
            throw new IllegalArgumentException(table + " holds bits: use readBits");
        }
        if (table == ModbusTable.HOLDING_REGISTERS) {
            ReadMultipleRegistersResponse r = (ReadMultipleRegistersResponse) run(unitId,
                    new ReadMultipleRegistersRequest(address, count), timeout);
            checkCount(unitId, count, r.getWordCount());
            int[] words = new int[count];
            for (int i = 0; i < count; i++) {
                words[i] = r.getRegisterValue(i) & 0xFFFF;
            }
            return words;
        }
        ReadInputRegistersResponse r = (ReadInputRegistersResponse) run(unitId,
                new ReadInputRegistersRequest(address, count), timeout);
        checkCount(unitId, count, r.getWordCount());
        int[] words = new int[count];
        for (int i = 0; i < count; i++) {
            words[i] = r.getRegisterValue(i) & 0xFFFF;
        }
        return words;
    }

    @Override
    public boolean[] readBits(int unitId, ModbusTable table, int address, int count, Duration timeout)
            throws ModbusException {
        Objects.requireNonNull(table, "table");
        checkRange(address, count, ModbusTable.MAX_READ_BITS);
        if (!table.bits()) {
            throw new IllegalArgumentException(table + " holds registers: use readRegisters");
        }
        BitVector bits;
        if (table == ModbusTable.COILS) {
            bits = ((ReadCoilsResponse) run(unitId, new ReadCoilsRequest(address, count), timeout)).getCoils();
        } else {
            bits = ((ReadInputDiscretesResponse) run(unitId, new ReadInputDiscretesRequest(address, count), timeout))
                    .getDiscretes();
        }
        if (bits == null || bits.byteSize() != (count + 7) / 8) {
            throw new ModbusException(Kind.INVALID_RESPONSE, endpoint() + " unit " + unitId + ": asked for " + count
                    + " bits, got " + (bits == null ? 0 : bits.byteSize()) + " bytes");
        }
        boolean[] values = new boolean[count];
        for (int i = 0; i < count; i++) {
            values[i] = bits.getBit(i);
        }
        return values;
    }

    @Override
    public void writeSingleRegister(int unitId, int address, int value, Duration timeout) throws ModbusException {
        checkRange(address, 1, 1);
        run(unitId, new WriteSingleRegisterRequest(address, new SimpleRegister(value & 0xFFFF)), timeout);
    }

    @Override
    public void writeRegisters(int unitId, int address, int[] words, Duration timeout) throws ModbusException {
        checkRange(address, words.length, ModbusTable.MAX_WRITE_REGISTERS);
        Register[] registers = new Register[words.length];
        for (int i = 0; i < words.length; i++) {
            registers[i] = new SimpleRegister(words[i] & 0xFFFF);
        }
        run(unitId, new WriteMultipleRegistersRequest(address, registers), timeout);
    }

    @Override
    public void writeCoil(int unitId, int address, boolean value, Duration timeout) throws ModbusException {
        checkRange(address, 1, 1);
        run(unitId, new WriteCoilRequest(address, value), timeout);
    }

    @Override
    public void writeCoils(int unitId, int address, boolean[] values, Duration timeout) throws ModbusException {
        checkRange(address, values.length, 1968);
        BitVector bits = new BitVector(values.length);
        for (int i = 0; i < values.length; i++) {
            bits.setBit(i, values[i]);
        }
        run(unitId, new WriteMultipleCoilsRequest(address, bits), timeout);
    }

    @Override
    public boolean connected() {
        return !closed && line.connected();
    }

    @Override
    public long connectionCount() {
        return line.connectionCount();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            owner.release(line);
        }
    }

    private ModbusResponse run(int unitId, ModbusRequest request, Duration timeout) throws ModbusException {
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unit ID out of range: " + unitId);
        }
        Objects.requireNonNull(timeout, "timeout");
        if (closed) {
            throw new ModbusException(Kind.CLOSED, endpoint() + ": this handle is closed");
        }
        ModbusResponse response = line.execute(unitId, request, timeout);
        return response;
    }

    private void checkCount(int unitId, int expected, int actual) throws ModbusException {
        if (expected != actual) {
            throw new ModbusException(Kind.INVALID_RESPONSE, endpoint() + " unit " + unitId + ": asked for "
                    + expected + " registers, got " + actual);
        }
    }

    private static void checkRange(int address, int count, int max) {
        if (count < 1 || count > max) {
            throw new IllegalArgumentException("count must be 1.." + max + ": " + count);
        }
        if (address < 0 || address + count - 1 > 0xFFFF) {
            throw new IllegalArgumentException("addresses " + address + ".." + (address + count - 1)
                    + " outside 0..65535");
        }
    }
}
