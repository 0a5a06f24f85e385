package org.chargingmanager.wallbox.abl.internal;

import java.time.Duration;
import java.util.OptionalDouble;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusTable;

/**
 * ABL eM4 over Modbus TCP: holding registers per connector from base 0x100 × (connector − 1), 32-bit values high
 * word first: 0x3001 currents L1..L3 (0.1 A), 0x3007 voltages (0.1 V), 0x300D power (W), 0x300F energy (0.01 kWh),
 * 0x3031 the state byte, 0x3032 the current limit (0.1 A, 0 = charging disabled; written with FC 16).
 */
final class Em4Link implements AblLink {

    static final int CONNECTOR_OFFSET = 0x100;
    static final int CURRENTS = 0x3001;
    static final int VOLTAGES = 0x3007;
    static final int POWER = 0x300D;
    static final int ENERGY = 0x300F;
    static final int STATUS = 0x3031;
    static final int MAX_CURRENT = 0x3032;

    private final ModbusLine line;
    private final int unitId;
    private final int connector;
    private final int base;
    private final Duration timeout;

    Em4Link(ModbusLine line, int unitId, int connector, Duration timeout) {
        this.line = line;
        this.unitId = unitId;
        this.connector = connector;
        this.base = (connector - 1) * CONNECTOR_OFFSET;
        this.timeout = timeout;
    }

    @Override
    public DeviceIdentity identify() throws ModbusException {
        read(STATUS, 2); // answers: the connector exists
        return new DeviceIdentity("ABL", "eM4 connector " + connector, "", "");
    }

    @Override
    public AblReading read() throws ModbusException {
        int[] values = read(CURRENTS, ENERGY + 2 - CURRENTS);
        int[] status = read(STATUS, 2);
        PhaseCurrents currents = new PhaseCurrents(milliamps(values, CURRENTS), milliamps(values, CURRENTS + 2),
                milliamps(values, CURRENTS + 4));
        return new AblReading(status[0] & 0xFF, currents, OptionalDouble.of(u32(values, POWER)),
                OptionalDouble.of(u32(values, ENERGY) * 10.0), status[1] * 100);
    }

    /** 0.1 A to mA; a value beyond any wallbox (garbage, 0xFFFFFFFF) stays recognisably implausible. */
    private static int milliamps(int[] words, int address) {
        return (int) Math.min(Integer.MAX_VALUE, u32(words, address) * 100);
    }

    private static long u32(int[] words, int address) {
        int i = address - CURRENTS;
        return ((long) words[i] << 16) | words[i + 1];
    }

    @Override
    public int settableMilliamps(int milliamps) {
        return milliamps / 100 * 100;
    }

    @Override
    public void writeLimit(int milliamps) throws ModbusException {
        line.writeRegisters(unitId, base + MAX_CURRENT, new int[] {milliamps / 100}, timeout);
    }

    @Override
    public boolean enableOutlet() {
        return false;
    }

    @Override
    public int resolutionMilliamps() {
        return 100;
    }

    private int[] read(int address, int count) throws ModbusException {
        return line.readRegisters(unitId, ModbusTable.HOLDING_REGISTERS, base + address, count, timeout);
    }
}
