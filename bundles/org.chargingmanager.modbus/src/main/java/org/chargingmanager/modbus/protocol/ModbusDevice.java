package org.chargingmanager.modbus.protocol;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusTable;

/**
 * The register engine for one device: a unit ID on a {@link ModbusLine}, speaking a {@link DeviceProtocol}.
 * {@link #read()} reads every polled register in the protocol's block reads and returns them all, or throws the
 * first block's failure (the driver then marks the device offline). {@link #write} encodes a value and sends it
 * as the register's {@link WritePolicy} allows. Thread-safe; one device's calls are serialised, and all devices
 * of a line share its request queue.
 */
public final class ModbusDevice {

    private final ModbusLine line;
    private final int unitId;
    private final DeviceProtocol protocol;
    private final Duration timeout;
    private final Clock clock;
    private final List<ReadBlock> pollPlan;
    private final Map<Register, WriteGate> gates = new HashMap<>();

    /**
     * @param line     the shared line (the device does not close it)
     * @param unitId   the device's unit ID (slave address) 0..255 (0 is broadcast on serial lines; TCP devices
     *                 often use 1 or 255)
     * @param protocol its registers
     * @param timeout  per request
     * @param clock    for the write policies' intervals and the time stamp of readings
     */
    public ModbusDevice(ModbusLine line, int unitId, DeviceProtocol protocol, Duration timeout, Clock clock) {
        this.line = Objects.requireNonNull(line, "line");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unit ID out of range: " + unitId);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
        this.unitId = unitId;
        this.pollPlan = protocol.pollPlan();
        for (Register r : protocol.registers()) {
            if (r.writable()) {
                gates.put(r, new WriteGate(r.writePolicy()));
            }
        }
    }

    public int unitId() {
        return unitId;
    }

    public DeviceProtocol protocol() {
        return protocol;
    }

    /** The block reads of {@link #read()}. */
    public List<ReadBlock> pollPlan() {
        return pollPlan;
    }

    /** Reads every polled register of the protocol. */
    public synchronized RegisterValues read() throws ModbusException {
        return readBlocks(pollPlan);
    }

    /** Reads the given registers (of this protocol), grouped by the protocol's gap and block size. */
    public synchronized RegisterValues read(Collection<Register> registers) throws ModbusException {
        return readBlocks(BlockPlanner.plan(registers, protocol.maxGapRegisters(), protocol.maxBlockRegisters()));
    }

    private RegisterValues readBlocks(List<ReadBlock> blocks) throws ModbusException {
        Map<Register, int[]> words = new LinkedHashMap<>();
        Map<Register, Boolean> bits = new LinkedHashMap<>();
        for (ReadBlock block : blocks) {
            if (block.table().bits()) {
                boolean[] values = line.readBits(unitId, block.table(), block.startAddress(), block.count(), timeout);
                requireLength(block, values.length);
                for (Register r : block.registers()) {
                    bits.put(r, values[r.address() - block.startAddress()]);
                }
            } else {
                int[] values = line.readRegisters(unitId, block.table(), block.startAddress(), block.count(), timeout);
                requireLength(block, values.length);
                for (Register r : block.registers()) {
                    int from = r.address() - block.startAddress();
                    int[] w = Arrays.copyOfRange(values, from, from + r.words());
                    words.put(r, w);
                    WriteGate gate = gates.get(r);
                    if (gate != null) {
                        gate.seen(w);
                    }
                }
            }
        }
        return new RegisterValues(clock.instant(), words, bits);
    }

    private void requireLength(ReadBlock block, int length) throws ModbusException {
        if (length != block.count()) {
            throw new ModbusException(ModbusException.Kind.INVALID_RESPONSE, protocol.name() + " unit " + unitId
                    + ": asked for " + block.count() + " addresses from " + block.startAddress() + " of "
                    + block.table() + ", got " + length);
        }
    }

    /** Writes an engineering value (divided by the register's scale) as the write policy allows. */
    public synchronized WriteOutcome write(Register register, double value) throws ModbusException {
        return writeWords(register, RegisterCodec.encodeNumber(register, value));
    }

    /** Writes a coil, or 0/1 to a register. */
    public synchronized WriteOutcome write(Register register, boolean value) throws ModbusException {
        if (register.type() == RegisterType.BOOL) {
            return writeWords(register, new int[] {value ? 1 : 0});
        }
        return writeWords(register, RegisterCodec.encodeRaw(register, value ? 1 : 0));
    }

    /** Writes a text to a string register. */
    public synchronized WriteOutcome writeText(Register register, String text) throws ModbusException {
        return writeWords(register, RegisterCodec.encodeString(register, text));
    }

    private WriteOutcome writeWords(Register register, int[] words) throws ModbusException {
        WriteGate gate = gates.get(register);
        if (gate == null) {
            throw new IllegalArgumentException(register.name() + " is not a writable register of " + protocol.name());
        }
        switch (gate.request(words, clock.instant())) {
            case SKIP:
                return WriteOutcome.UNCHANGED;
            case DEFER:
                return WriteOutcome.DEFERRED;
            default:
                send(register, words);
                gate.written(words, clock.instant());
                return WriteOutcome.WRITTEN;
        }
    }

    /**
     * Sends the deferred values whose minimum interval has passed; call it every cycle.
     *
     * @return how many registers were written
     * @throws ModbusException of the first write that failed (the value stays pending)
     */
    public synchronized int flush() throws ModbusException {
        int written = 0;
        for (Register r : protocol.registers()) {
            WriteGate gate = gates.get(r);
            if (gate == null) {
                continue;
            }
            int[] due = gate.due(clock.instant());
            if (due != null) {
                send(r, due);
                gate.written(due, clock.instant());
                written++;
            }
        }
        return written;
    }

    /** True if a value waits for its minimum interval. */
    public synchronized boolean hasPendingWrites() {
        return gates.values().stream().anyMatch(WriteGate::hasPending);
    }

    /**
     * Forgets what was written (not for flash-backed registers): call it when the device comes back after being
     * offline or reports a reboot, so ON_CHANGE_ONLY set-points are written again.
     */
    public synchronized void forgetWrittenValues() {
        gates.values().forEach(WriteGate::forget);
    }

    private void send(Register register, int[] words) throws ModbusException {
        ModbusTable table = register.table();
        if (table == ModbusTable.COILS) {
            line.writeCoil(unitId, register.address(), words[0] != 0, timeout);
        } else if (words.length == 1 && !register.alwaysWriteMultiple()) {
            line.writeSingleRegister(unitId, register.address(), words[0], timeout);
        } else {
            line.writeRegisters(unitId, register.address(), words, timeout);
        }
    }
}
