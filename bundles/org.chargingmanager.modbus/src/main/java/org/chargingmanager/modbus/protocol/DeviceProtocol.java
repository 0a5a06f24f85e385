package org.chargingmanager.modbus.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.chargingmanager.modbus.ModbusTable;

/**
 * All registers of one kind of device, and how they may be grouped into block reads.
 *
 * @param name              for logs, e.g. "cfos-power-brain-evse"
 * @param registers         unique names; two registers may overlap (the same words read two ways)
 * @param maxGapRegisters   unused addresses a block read may span between two registers; 0 reads only
 *                          contiguous registers (for devices that answer exception 2 for unmapped addresses)
 * @param maxBlockRegisters most registers (or bits, for bit tables up to 2000) one read asks for; at most 125
 */
public record DeviceProtocol(String name, List<Register> registers, int maxGapRegisters, int maxBlockRegisters) {

    /** The default gap: a few unused words cost less than a second request. */
    public static final int DEFAULT_MAX_GAP = 8;

    public DeviceProtocol {
        Objects.requireNonNull(name, "name");
        registers = List.copyOf(registers);
        if (maxGapRegisters < 0) {
            throw new IllegalArgumentException("negative gap: " + maxGapRegisters);
        }
        if (maxBlockRegisters < 1 || maxBlockRegisters > ModbusTable.MAX_READ_REGISTERS) {
            throw new IllegalArgumentException("block size must be 1.." + ModbusTable.MAX_READ_REGISTERS + ": "
                    + maxBlockRegisters);
        }
        Map<String, Register> byName = new LinkedHashMap<>();
        for (Register r : registers) {
            if (byName.put(r.name(), r) != null) {
                throw new IllegalArgumentException(name + ": register name used twice: " + r.name());
            }
            if (!r.table().bits() && r.span() > maxBlockRegisters) {
                throw new IllegalArgumentException(name + ": " + r.name() + " is longer than a block ("
                        + maxBlockRegisters + ")");
            }
        }
    }

    /** A protocol with the default gap and full 125-register blocks. */
    public static DeviceProtocol of(String name, List<Register> registers) {
        return new DeviceProtocol(name, registers, DEFAULT_MAX_GAP, ModbusTable.MAX_READ_REGISTERS);
    }

    /** A protocol with the default gap and full 125-register blocks. */
    public static DeviceProtocol of(String name, Register... registers) {
        return of(name, List.of(registers));
    }

    public DeviceProtocol withMaxGap(int registersGap) {
        return new DeviceProtocol(name, registers, registersGap, maxBlockRegisters);
    }

    public DeviceProtocol withMaxBlock(int blockRegisters) {
        return new DeviceProtocol(name, registers, maxGapRegisters, blockRegisters);
    }

    /** The register called {@code registerName}, if any. */
    public Optional<Register> register(String registerName) {
        for (Register r : registers) {
            if (r.name().equals(registerName)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The register called {@code registerName}; throws if there is none. */
    public Register require(String registerName) {
        return register(registerName).orElseThrow(
                () -> new IllegalArgumentException(name + ": no register called " + registerName));
    }

    /** The registers {@link ModbusDevice#read()} reads in every cycle. */
    public List<Register> polled() {
        List<Register> result = new ArrayList<>();
        for (Register r : registers) {
            if (r.polled()) {
                result.add(r);
            }
        }
        return Collections.unmodifiableList(result);
    }

    /** The block reads for the polled registers. */
    public List<ReadBlock> pollPlan() {
        return BlockPlanner.plan(polled(), maxGapRegisters, maxBlockRegisters);
    }
}
