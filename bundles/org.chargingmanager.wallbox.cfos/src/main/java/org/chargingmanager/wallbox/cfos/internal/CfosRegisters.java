package org.chargingmanager.wallbox.cfos.internal;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.modbus.protocol.WritePolicy;

/**
 * The cFos Power Brain's Modbus registers (holding registers, FC 03/06/16, 32/64-bit values high word
 * first), after the vendor's published register list. Only the charging current limit, charging enable
 * and the relay registers are kept in RAM; every other writable register is stored in flash, so this
 * driver writes nothing else.
 */
public final class CfosRegisters {

    /** What a cFos device answers in {@link #VENDOR_ID}. */
    public static final int CFOS_VENDOR_ID = 0xCF05;

    public static final Register VENDOR_ID = Register.holding("vendor_id", 8000, RegisterType.U16)
            .withoutNotAvailableMarker().notPolled();
    public static final Register PRODUCT_ID = Register.holding("product_id", 8002, RegisterType.U16)
            .withoutNotAvailableMarker().notPolled();
    public static final Register VERSION = Register.holding("version", 8004, RegisterType.U16)
            .withoutNotAvailableMarker().notPolled();
    public static final Register BUILD = Register.holding("build", 8005, RegisterType.U16)
            .withoutNotAvailableMarker().notPolled();
    public static final Register SERIAL = Register.holdingString("serial", 8008, 8).notPolled();

    /** Not 0 when the charger's meter delivers per-phase currents. */
    public static final Register METER_FLAGS = Register.holding("meter_flags", 8057, RegisterType.U16)
            .withoutNotAvailableMarker();
    /** The charger's energy counter; the firmware may report 0 for a while after booting. */
    public static final Register ENERGY = Register.holding("energy", 8058, RegisterType.U64).withUnit("Wh");
    public static final Register POWER = Register.holding("power", 8062, RegisterType.U32).withUnit("W");
    public static final Register CURRENT_L1 = Register.holding("current.l1", 8064, RegisterType.U32)
            .withScale(0.1).withUnit("A");
    public static final Register CURRENT_L2 = Register.holding("current.l2", 8066, RegisterType.U32)
            .withScale(0.1).withUnit("A");
    public static final Register CURRENT_L3 = Register.holding("current.l3", 8068, RegisterType.U32)
            .withScale(0.1).withUnit("A");
    /** 1 = charge on one phase, 0 = on three (models with a phase relay). RAM, not flash. */
    public static final Register RELAY_SELECT = Register.holding("relay_select", 8087, RegisterType.U16)
            .withoutNotAvailableMarker().writable(WritePolicy.ON_CHANGE_ONLY);
    /** Low byte: the IEC 61851 state, see {@link CfosState}. */
    public static final Register CHARGING_STATE = Register.holding("charging_state", 8092, RegisterType.U16)
            .withoutNotAvailableMarker();
    public static final Register CHARGING_CURRENT_LIMIT = Register.holding("charging_cur_limit", 8093,
            RegisterType.U16).withScale(0.1).withUnit("A").withoutNotAvailableMarker()
            .writable(WritePolicy.ON_CHANGE_ONLY);
    public static final Register CHARGING_ENABLE = Register.holding("charging_enable", 8094, RegisterType.U16)
            .withoutNotAvailableMarker().writable(WritePolicy.ON_CHANGE_ONLY);
    /** The RFID tag of the last session, ASCII. */
    public static final Register LAST_RFID = Register.holdingString("last_rfid", 8096, 15);
    /** Bit 8: the model can switch between one and three phases. */
    public static final Register FEATURE_FLAGS = Register.holding("feature_flags", 8113, RegisterType.U16)
            .withoutNotAvailableMarker();

    /** Bit of {@link #FEATURE_FLAGS} set on models with a phase relay. */
    public static final int PHASE_SWITCHING_BIT = 1 << 8;

    /**
     * Polled in two reads: 8057..8069 and 8087..8113 (gaps of at most four unused words); identity registers
     * are read once per connection.
     */
    public static final DeviceProtocol PROTOCOL = DeviceProtocol.of("cfos-power-brain", VENDOR_ID, PRODUCT_ID,
            VERSION, BUILD, SERIAL, METER_FLAGS, ENERGY, POWER, CURRENT_L1, CURRENT_L2, CURRENT_L3, RELAY_SELECT,
            CHARGING_STATE, CHARGING_CURRENT_LIMIT, CHARGING_ENABLE, LAST_RFID, FEATURE_FLAGS).withMaxGap(4);

    private CfosRegisters() {
    }
}
