package org.chargingmanager.wallbox.keba.internal;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.modbus.protocol.WritePolicy;

/**
 * The KeContact P30 (c-series from firmware 3.10.16, x-series from 1.11) and P40 Modbus TCP registers (KEBA
 * "Modbus TCP Programmers Guide"): unit ID 255, FC 03 and 06 only, every readable value a UINT32 in two holding
 * registers read on its own (no block reads: {@link #PROTOCOL} has a block size of 2), writes one UINT16.
 */
public final class KebaModbusRegisters {

    /** The unit ID the box answers on. */
    public static final int UNIT_ID = 255;

    /** 0 start-up, 1 not ready, 2 ready, 3 charging, 4 error, 5 interrupted (as report 2's State). */
    public static final Register STATE = u32("state", 1000, 1, "");
    /** As report 2's Plug: bit 2 (value 4) is the cable at the car. */
    public static final Register CABLE = u32("cable", 1004, 1, "");
    public static final Register ERROR = u32("error", 1006, 1, "");
    public static final Register CURRENT_L1 = u32("current.l1", 1008, 1, "mA");
    public static final Register CURRENT_L2 = u32("current.l2", 1010, 1, "mA");
    public static final Register CURRENT_L3 = u32("current.l3", 1012, 1, "mA");
    public static final Register SERIAL = u32("serial", 1014, 1, "").notPolled();
    public static final Register PRODUCT = u32("product", 1016, 1, "").notPolled();
    public static final Register FIRMWARE = u32("firmware", 1018, 1, "").notPolled();
    public static final Register POWER = u32("power", 1020, 0.001, "W");
    public static final Register ENERGY = u32("energy", 1036, 0.1, "Wh");
    /** The current the box allows now, all limits together (DIP switches, the set current, the failsafe). */
    public static final Register MAX_CURRENT = u32("max_current", 1100, 1, "mA");
    public static final Register HARDWARE_CURRENT = u32("max_supported_current", 1110, 1, "mA").notPolled();
    /** The first 4 bytes of the RFID card's UID that authorised the session (0: none); read when the box has RFID. */
    public static final Register RFID = u32("rfid", 1500, 1, "").notPolled();
    /** Who may switch phases: 0 nobody, 1 OCPP, 2 REST, 3 Modbus, 4 UDP (set in the box's web interface). */
    public static final Register PHASE_SWITCH_SOURCE = u32("phase_switch.source", 1550, 1, "").notPolled();
    public static final Register FAILSAFE_CURRENT_SETTING = u32("failsafe.current.setting", 1600, 1, "mA");
    public static final Register FAILSAFE_TIMEOUT_SETTING = u32("failsafe.timeout.setting", 1602, 1, "s");

    /** The current in mA (6000..63000; on a P40 0 stops charging); kept until the box restarts. */
    public static final Register SET_CURRENT = write("set_current", 5004, WritePolicy.ON_CHANGE_ONLY);
    /** P30: 0 disables the station, 1 enables it. */
    public static final Register ENABLE = write("enable", 5014, WritePolicy.ON_CHANGE_ONLY);
    public static final Register FAILSAFE_CURRENT = write("failsafe.current", 5016, WritePolicy.ON_CHANGE_ONLY);
    /** Written again as the heartbeat that keeps the failsafe from firing. */
    public static final Register FAILSAFE_TIMEOUT = write("failsafe.timeout", 5018, WritePolicy.EVERY_WRITE);
    /** 0: the failsafe settings are not saved (EEPROM), so they are set again after every restart. */
    public static final Register FAILSAFE_PERSIST = write("failsafe.persist", 5020, WritePolicy.ON_CHANGE_ONLY);

    /** 0: one phase, 1: three phases (P30 x-series with phase switch, P40; source 3 = Modbus). */
    public static final Register PHASE_SWITCH = write("phase_switch", 5052, WritePolicy.ON_CHANGE_ONLY);

    /** The phase-switching source that lets this driver switch: Modbus. */
    public static final int PHASE_SWITCH_SOURCE_MODBUS = 3;

    public static final DeviceProtocol PROTOCOL = DeviceProtocol.of("keba-modbus", STATE, CABLE, ERROR, CURRENT_L1,
            CURRENT_L2, CURRENT_L3, SERIAL, PRODUCT, FIRMWARE, POWER, ENERGY, MAX_CURRENT, HARDWARE_CURRENT, RFID,
            PHASE_SWITCH_SOURCE, FAILSAFE_CURRENT_SETTING, FAILSAFE_TIMEOUT_SETTING, SET_CURRENT, ENABLE,
            FAILSAFE_CURRENT, FAILSAFE_TIMEOUT, FAILSAFE_PERSIST, PHASE_SWITCH).withMaxGap(0).withMaxBlock(2);

    /**
     * Whether the product code says the box has an RFID reader: the sixth digit is 1 (P30: 6 digits from 3, P40: 7
     * digits from 4).
     */
    static boolean hasRfid(long productCode) {
        String digits = Long.toString(productCode);
        boolean known = digits.length() == 6 && digits.charAt(0) == '3' || digits.length() == 7 && digits.charAt(0) == '4';
        return known && digits.charAt(5) == '1';
    }

    /** The RFID register as the card UID's first 4 bytes in hex ("D4CD7650"); null for 0 (no card). */
    static String rfidTag(long value) {
        return value == 0 ? null : String.format("%08X", value);
    }

    private static Register u32(String name, int address, double scale, String unit) {
        return Register.holding(name, address, RegisterType.U32).withScale(scale).withUnit(unit)
                .withoutNotAvailableMarker();
    }

    private static Register write(String name, int address, WritePolicy policy) {
        return Register.holding(name, address, RegisterType.U16).withoutNotAvailableMarker().writable(policy)
                .notPolled();
    }

    private KebaModbusRegisters() {
    }
}
