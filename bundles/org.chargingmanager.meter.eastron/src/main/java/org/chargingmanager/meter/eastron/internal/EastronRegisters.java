package org.chargingmanager.meter.eastron.internal;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;

/**
 * The Eastron SDM630 / SDM72D-M input registers (FC 04, IEEE 754 float32, high word first), after Eastron's
 * published protocol. The SDM72D-M v1 has only the totals.
 */
public final class EastronRegisters {

    public static final Register VOLTAGE_L1 = Register.input("voltage.l1", 0x0000, RegisterType.F32).withUnit("V");
    public static final Register VOLTAGE_L2 = Register.input("voltage.l2", 0x0002, RegisterType.F32).withUnit("V");
    public static final Register VOLTAGE_L3 = Register.input("voltage.l3", 0x0004, RegisterType.F32).withUnit("V");
    public static final Register CURRENT_L1 = Register.input("current.l1", 0x0006, RegisterType.F32).withUnit("A");
    public static final Register CURRENT_L2 = Register.input("current.l2", 0x0008, RegisterType.F32).withUnit("A");
    public static final Register CURRENT_L3 = Register.input("current.l3", 0x000A, RegisterType.F32).withUnit("A");
    public static final Register POWER_L1 = Register.input("power.l1", 0x000C, RegisterType.F32).withUnit("W");
    public static final Register POWER_L2 = Register.input("power.l2", 0x000E, RegisterType.F32).withUnit("W");
    public static final Register POWER_L3 = Register.input("power.l3", 0x0010, RegisterType.F32).withUnit("W");
    public static final Register POWER_TOTAL = Register.input("power", 0x0034, RegisterType.F32).withUnit("W");
    public static final Register FREQUENCY = Register.input("frequency", 0x0046, RegisterType.F32).withUnit("Hz");
    public static final Register IMPORT_ENERGY = Register.input("import", 0x0048, RegisterType.F32).withUnit("kWh");
    public static final Register EXPORT_ENERGY = Register.input("export", 0x004A, RegisterType.F32).withUnit("kWh");
    public static final Register TOTAL_ENERGY = Register.input("total", 0x0156, RegisterType.F32).withUnit("kWh");

    /** SDM630 and SDM72D-M v2: per phase and totals, read in four requests (0x00..0x11, 0x34, 0x46..0x4B, 0x156). */
    public static final DeviceProtocol PER_PHASE = DeviceProtocol.of("eastron-sdm630", VOLTAGE_L1, VOLTAGE_L2,
            VOLTAGE_L3, CURRENT_L1, CURRENT_L2, CURRENT_L3, POWER_L1, POWER_L2, POWER_L3, POWER_TOTAL, FREQUENCY,
            IMPORT_ENERGY, EXPORT_ENERGY, TOTAL_ENERGY).withMaxGap(0);

    /** SDM72D-M v1: total power and energies only. */
    public static final DeviceProtocol TOTALS_ONLY = DeviceProtocol.of("eastron-sdm72d-m-v1", POWER_TOTAL,
            IMPORT_ENERGY, EXPORT_ENERGY, TOTAL_ENERGY).withMaxGap(0);

    private EastronRegisters() {
    }
}
