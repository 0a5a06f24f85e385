package org.chargingmanager.testkit.modbus;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.modbus.protocol.WritePolicy;

/**
 * Protocols for the test kit's own tests and the benchmark: shaped like real devices (a cFos-like wallbox block
 * of holding registers, an Eastron-like meter of float input registers) but not drivers; the drivers declare
 * their own.
 */
public final class SampleProtocols {

    private SampleProtocols() {
    }

    /** A cFos-like charging point: FC 03/06/16, 32/64-bit values high word first. */
    public static final class Wallbox {
        public static final Register VENDOR_ID = Register.holding("vendor_id", 8000, RegisterType.U16)
                .withoutNotAvailableMarker();
        public static final Register SERIAL = Register.holdingString("serial", 8008, 8).notPolled();
        public static final Register METER_FLAGS = Register.holding("meter_flags", 8057, RegisterType.U16);
        public static final Register ENERGY = Register.holding("energy", 8058, RegisterType.U64).withUnit("Wh");
        public static final Register POWER = Register.holding("power", 8062, RegisterType.U32).withUnit("W");
        public static final Register CURRENT_L1 = Register.holding("current.l1", 8064, RegisterType.U32)
                .withScale(0.1).withUnit("A");
        public static final Register CURRENT_L2 = Register.holding("current.l2", 8066, RegisterType.U32)
                .withScale(0.1).withUnit("A");
        public static final Register CURRENT_L3 = Register.holding("current.l3", 8068, RegisterType.U32)
                .withScale(0.1).withUnit("A");
        public static final Register STATE = Register.holding("state", 8092, RegisterType.U16);
        public static final Register CURRENT_LIMIT = Register.holding("charging_cur_limit", 8093, RegisterType.U16)
                .withScale(0.1).withUnit("A").writable(WritePolicy.ON_CHANGE_ONLY);
        public static final Register ENABLE = Register.holding("charging_enable", 8094, RegisterType.U16)
                .writable(WritePolicy.ON_CHANGE_ONLY);
        public static final Register SLAVE_ID = Register.holding("slave_id", 8040, RegisterType.U16).notPolled()
                .writable(WritePolicy.FLASH_BACKED);

        /** Polled: 8057..8069 and 8092..8094 (one read with a gap of up to 22 words, two reads without). */
        public static final DeviceProtocol PROTOCOL = DeviceProtocol.of("cfos-like-wallbox", VENDOR_ID, SERIAL,
                METER_FLAGS, ENERGY, POWER, CURRENT_L1, CURRENT_L2, CURRENT_L3, STATE, CURRENT_LIMIT, ENABLE,
                SLAVE_ID).withMaxGap(24);

        private Wallbox() {
        }
    }

    /** An Eastron-like meter: FC 04, float32 high word first. */
    public static final class Meter {
        public static final Register VOLTAGE_L1 = Register.input("voltage.l1", 0x0000, RegisterType.F32).withUnit("V");
        public static final Register CURRENT_L1 = Register.input("current.l1", 0x0006, RegisterType.F32).withUnit("A");
        public static final Register POWER_TOTAL = Register.input("power", 0x0034, RegisterType.F32).withUnit("W");
        public static final Register IMPORT = Register.input("import", 0x0048, RegisterType.F32).withUnit("kWh");
        public static final Register EXPORT = Register.input("export", 0x004A, RegisterType.F32).withUnit("kWh");
        public static final Register RELAY = Register.coil("relay", 0).writable(WritePolicy.ON_CHANGE_ONLY);
        public static final Register TAMPER = Register.discreteInput("tamper", 3);

        public static final DeviceProtocol PROTOCOL = DeviceProtocol.of("eastron-like-meter", VOLTAGE_L1, CURRENT_L1,
                POWER_TOTAL, IMPORT, EXPORT, RELAY, TAMPER).withMaxGap(0);

        private Meter() {
        }
    }
}
