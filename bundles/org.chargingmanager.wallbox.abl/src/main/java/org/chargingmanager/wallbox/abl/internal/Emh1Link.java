package org.chargingmanager.wallbox.abl.internal;

import java.time.Duration;
import java.util.OptionalDouble;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusTable;

/**
 * ABL eMH1/eMH2 (EVCC2/3 controller) over Modbus ASCII, FC 03 reads and FC 16 writes of holding registers:
 * 0x01 (2 words) firmware, bit 5 of the second word's low byte = current sensor fitted; 0x05 modify state (0xA1A1
 * enable the outlet, 0xE0E0 disable it); 0x14 the CP duty cycle in 0.1 % (current = duty × 0.06 A; 1000 = charging
 * disabled); 0x2E (5 words) the status: the register number echoed in the first word's high byte, the state byte
 * in its low byte, the duty cycle in the low 10 bits of the second word, then the currents L3, L2, L1 in 0.1 A
 * (1000 = no value). A box idle on the bus may miss the first frame: a request that times out is sent once more.
 */
final class Emh1Link implements AblLink {

    static final int FIRMWARE = 0x01;
    static final int MODIFY_STATE = 0x05;
    static final int DUTY_CYCLE = 0x14;
    static final int STATUS = 0x2E;
    static final int DUTY_DISABLED = 1000;
    static final int ENABLE_OUTLET = 0xA1A1;
    static final int MILLIAMPS_PER_DUTY_STEP = 60;
    static final int NO_CURRENT_VALUE = 1000;
    private static final int SENSOR_FITTED = 1 << 5;

    private final ModbusLine line;
    private final int unitId;
    private final Duration timeout;
    private boolean currentSensor = true;

    Emh1Link(ModbusLine line, int unitId, Duration timeout) {
        this.line = line;
        this.unitId = unitId;
        this.timeout = timeout;
    }

    @Override
    public DeviceIdentity identify() throws ModbusException {
        int[] words = read(FIRMWARE, 2);
        currentSensor = (words[1] & SENSOR_FITTED) != 0;
        return new DeviceIdentity("ABL", "eMH1/eMH2" + (currentSensor ? "" : " (no current sensor)"), "",
                String.format("%04X %04X", words[0], words[1]));
    }

    @Override
    public AblReading read() throws ModbusException {
        int[] words = read(STATUS, 5);
        if (words[0] >> 8 != STATUS) {
            throw new ModbusException(ModbusException.Kind.INVALID_RESPONSE, String.format(
                    "status answer does not start with the register 2E but %02X: not an ABL eMH1?", words[0] >> 8));
        }
        int duty = words[1] & 0x3FF;
        int applied = duty >= DUTY_DISABLED ? 0 : duty * MILLIAMPS_PER_DUTY_STEP;
        PhaseCurrents currents = currentSensor
                ? new PhaseCurrents(milliamps(words[4]), milliamps(words[3]), milliamps(words[2])) : null;
        return new AblReading(words[0] & 0xFF, currents, OptionalDouble.empty(), OptionalDouble.empty(), applied);
    }

    private static int milliamps(int tenthsOfAmps) {
        return tenthsOfAmps == NO_CURRENT_VALUE || tenthsOfAmps == 1 ? 0 : tenthsOfAmps * 100;
    }

    @Override
    public int settableMilliamps(int milliamps) {
        return milliamps / MILLIAMPS_PER_DUTY_STEP * MILLIAMPS_PER_DUTY_STEP;
    }

    @Override
    public void writeLimit(int milliamps) throws ModbusException {
        write(DUTY_CYCLE, milliamps == 0 ? DUTY_DISABLED : milliamps / MILLIAMPS_PER_DUTY_STEP);
    }

    @Override
    public boolean enableOutlet() throws ModbusException {
        write(MODIFY_STATE, ENABLE_OUTLET);
        return true;
    }

    @Override
    public int resolutionMilliamps() {
        return 100;
    }

    private int[] read(int address, int count) throws ModbusException {
        try {
            return line.readRegisters(unitId, ModbusTable.HOLDING_REGISTERS, address, count, timeout);
        } catch (ModbusException e) {
            if (e.kind() != ModbusException.Kind.TIMEOUT) {
                throw e;
            }
            return line.readRegisters(unitId, ModbusTable.HOLDING_REGISTERS, address, count, timeout);
        }
    }

    private void write(int address, int value) throws ModbusException {
        try {
            line.writeRegisters(unitId, address, new int[] {value}, timeout);
        } catch (ModbusException e) {
            if (e.kind() != ModbusException.Kind.TIMEOUT) {
                throw e;
            }
            line.writeRegisters(unitId, address, new int[] {value}, timeout);
        }
    }
}
