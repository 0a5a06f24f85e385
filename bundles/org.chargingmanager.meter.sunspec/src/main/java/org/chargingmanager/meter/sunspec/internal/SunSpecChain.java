package org.chargingmanager.meter.sunspec.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.ModbusDevice;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.modbus.protocol.RegisterValues;

/**
 * Discovers a device's SunSpec model chain: the marker {@code "SunS"} (0x5375 0x6E53) at holding register 40000, 0 or
 * 50000, then model after model (ID, length L, L registers) until ID 0xFFFF; the common model 1 gives the identity.
 */
final class SunSpecChain {

    static final int[] BASES = {40000, 0, 50000};
    static final int END = 0xFFFF;
    private static final int MAX_MODELS = 64;

    /** A model found in the chain: its ID and the address of its ID register. */
    record Model(int id, int address, int length) {
    }

    /** The chain and the identity from model 1. */
    record Found(int base, List<Model> models, DeviceIdentity identity) {
    }

    private SunSpecChain() {
    }

    /**
     * @throws ModbusException when the device does not answer
     * @throws IllegalStateException when no SunSpec header or no sensible chain is found
     */
    static Found discover(ModbusLine line, int unitId, Duration timeout, Clock clock) throws ModbusException {
        for (int base : BASES) {
            Register marker = Register.holding("marker", base, RegisterType.U32).withoutNotAvailableMarker();
            ModbusDevice probe = new ModbusDevice(line, unitId, DeviceProtocol.of("sunspec-probe", marker), timeout,
                    clock);
            long value;
            try {
                value = probe.read().raw(marker).orElse(0);
            } catch (ModbusException e) {
                if (e.kind() == ModbusException.Kind.EXCEPTION_RESPONSE) {
                    continue; // no registers there
                }
                throw e;
            }
            if (value == 0x53756E53L) {
                return walk(line, unitId, timeout, clock, base);
            }
        }
        throw new IllegalStateException("no SunSpec marker \"SunS\" at 40000, 0 or 50000: is SunSpec / Modbus TCP "
                + "enabled on the device, and the unit ID right?");
    }

    private static Found walk(ModbusLine line, int unitId, Duration timeout, Clock clock, int base)
            throws ModbusException {
        List<Model> models = new ArrayList<>();
        DeviceIdentity identity = DeviceIdentity.UNKNOWN;
        int address = base + 2;
        for (int i = 0; i < MAX_MODELS && address < 65534; i++) {
            Register id = Register.holding("id", address, RegisterType.U16).withoutNotAvailableMarker();
            Register length = Register.holding("length", address + 1, RegisterType.U16).withoutNotAvailableMarker();
            ModbusDevice header = new ModbusDevice(line, unitId, DeviceProtocol.of("sunspec-header", id, length),
                    timeout, clock);
            RegisterValues values = header.read();
            int modelId = (int) values.raw(id).orElse(END);
            int modelLength = (int) values.raw(length).orElse(0);
            if (modelId == END) {
                return new Found(base, models, identity);
            }
            models.add(new Model(modelId, address, modelLength));
            if (modelId == 1 && modelLength >= 65) {
                identity = common(line, unitId, timeout, clock, address);
            }
            address += 2 + modelLength;
        }
        throw new IllegalStateException("the SunSpec model chain from " + base + " does not end");
    }

    private static DeviceIdentity common(ModbusLine line, int unitId, Duration timeout, Clock clock, int address)
            throws ModbusException {
        Register manufacturer = Register.holdingString("Mn", address + 2, 16);
        Register model = Register.holdingString("Md", address + 18, 16);
        Register version = Register.holdingString("Vr", address + 42, 8);
        Register serial = Register.holdingString("SN", address + 50, 16);
        ModbusDevice common = new ModbusDevice(line, unitId,
                DeviceProtocol.of("sunspec-common", manufacturer, model, version, serial), timeout, clock);
        RegisterValues values = common.read();
        return new DeviceIdentity(printable(values.text(manufacturer)), printable(values.text(model)),
                printable(values.text(serial)), printable(values.text(version)));
    }

    private static String printable(String text) {
        StringBuilder result = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c >= 0x20 && c < 0x7F) {
                result.append(c);
            }
        }
        return result.toString().strip();
    }
}
