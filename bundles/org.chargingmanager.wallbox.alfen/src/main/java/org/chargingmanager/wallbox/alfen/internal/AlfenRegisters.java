package org.chargingmanager.wallbox.alfen.internal;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.modbus.protocol.WritePolicy;

/**
 * The Alfen NG9xx Modbus TCP registers (Alfen "Modbus Slave TCP/IP for NG9xx" v2.3): holding registers, big endian,
 * floats IEEE 754; the station answers on unit 200, each socket on unit 1 or 2. Reserved registers read 0xFFFF (NaN
 * for floats), so block reads over them are fine.
 */
public final class AlfenRegisters {

    /** Unit ID of the station's own registers. */
    public static final int STATION_UNIT = 200;

    // ---- station (unit 200)
    public static final Register NAME = Register.holdingString("name", 100, 17).notPolled();
    public static final Register FIRMWARE = Register.holdingString("firmware", 123, 17).notPolled();
    public static final Register SERIAL = Register.holdingString("serial", 157, 11).notPolled();
    public static final Register STATION_MAX_CURRENT = Register.holding("station.max_current", 1100, RegisterType.F32)
            .withUnit("A");
    public static final Register SOCKETS = Register.holding("sockets", 1105, RegisterType.U16).notPolled();

    public static final DeviceProtocol STATION = DeviceProtocol.of("alfen-station", NAME, FIRMWARE, SERIAL,
            STATION_MAX_CURRENT, SOCKETS);

    // ---- socket (unit 1 or 2)
    public static final Register VOLTAGE_L1 = f32("voltage.l1", 306, "V");
    public static final Register VOLTAGE_L2 = f32("voltage.l2", 308, "V");
    public static final Register VOLTAGE_L3 = f32("voltage.l3", 310, "V");
    public static final Register CURRENT_L1 = f32("current.l1", 320, "A");
    public static final Register CURRENT_L2 = f32("current.l2", 322, "A");
    public static final Register CURRENT_L3 = f32("current.l3", 324, "A");
    public static final Register FREQUENCY = f32("frequency", 336, "Hz");
    public static final Register POWER = f32("power", 344, "W");
    public static final Register ENERGY = Register.holding("energy", 374, RegisterType.F64).withUnit("Wh");
    /** 1 operative, 0 inoperative. */
    public static final Register AVAILABILITY = Register.holding("availability", 1200, RegisterType.U16);
    /** A, B1, B2, C1, C2, D1, D2, E, F. */
    public static final Register MODE3_STATE = Register.holdingString("mode3_state", 1201, 5);
    /** The current the socket works with now, all limits together. */
    public static final Register APPLIED_MAX_CURRENT = f32("applied_max_current", 1206, "A");
    /** Seconds until {@link #MAX_CURRENT} expires and the socket falls back to {@link #SAFE_CURRENT}. */
    public static final Register REMAINING_VALID_TIME = Register.holding("remaining_valid_time", 1208, RegisterType.U32)
            .withUnit("s");
    /** The energy manager's limit: RAM only, valid for the validity time (60 s by default); 0 stops charging. */
    public static final Register MAX_CURRENT = f32("max_current", 1210, "A").writable(WritePolicy.EVERY_WRITE);
    public static final Register SAFE_CURRENT = f32("safe_current", 1212, "A");
    public static final Register SETPOINT_ACCOUNTED = Register.holding("setpoint_accounted", 1214, RegisterType.U16);
    /** 1 or 3 phases. */
    public static final Register PHASES = Register.holding("phases", 1215, RegisterType.U16)
            .writable(WritePolicy.ON_CHANGE_ONLY);

    public static final DeviceProtocol SOCKET = DeviceProtocol.of("alfen-socket", VOLTAGE_L1, VOLTAGE_L2, VOLTAGE_L3,
            CURRENT_L1, CURRENT_L2, CURRENT_L3, FREQUENCY, POWER, ENERGY, AVAILABILITY, MODE3_STATE,
            APPLIED_MAX_CURRENT, REMAINING_VALID_TIME, MAX_CURRENT, SAFE_CURRENT, SETPOINT_ACCOUNTED, PHASES)
            .withMaxGap(40);

    private static Register f32(String name, int address, String unit) {
        return Register.holding(name, address, RegisterType.F32).withUnit(unit);
    }

    private AlfenRegisters() {
    }
}
