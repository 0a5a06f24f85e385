package org.chargingmanager.wallbox.phoenix.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.modbus.protocol.WritePolicy;

/**
 * The register maps of the Phoenix Contact EV Charge Control controllers (Phoenix 106377_en_04), as data. The ETH
 * controllers: input registers for the values, 32-bit values low word first, the status an ASCII letter (A..F) in
 * the low byte, the enable coil 400, the current limit in whole amperes; they differ in unit ID, the current
 * register and units. The EV-CC-AC1-M (EV Charge Control Basic) over Modbus RTU: the status as two ASCII characters
 * ("B1") at input 24000, enable coil 20000, current holding 22000 (both volatile), no measured values.
 */
public enum PhoenixVariant {

    /** EV-CC-AC1-M3-CBC-RCM-ETH (Wallbe, ESL Walli, E3/DC Easy Connect): unit 255 (DIP switch 10 ON), V, A, W, Wh. */
    EV_ETH("EV-ETH", 255, false, 100, 400, 528, new double[] {1, 1, 1, 1}, true),
    /** EM-CP-PP-ETH (Compleo and others): unit 180, 0.01 V, mA, 0.01 kW, 0.01 kWh. */
    EM_CP_PP_ETH("EM-CP-PP-ETH", 180, false, 100, 400, 300, new double[] {0.01, 0.001, 10, 10}, false),
    /** EV-CC-AC1-M (EV Charge Control Basic) over Modbus RTU: unit 1, no meter. */
    EV_CC_AC1_M("EV-CC-AC1-M (RTU)", 1, true, 24000, 20000, 22000, null, false);

    private final String displayName;
    private final int defaultUnitId;
    private final boolean serial;
    private final Register status;
    private final Register[] volts;
    private final Register[] amps;
    private final Register power;
    private final Register energy;
    private final Register enable;
    private final Register maxCurrent;
    private final Register cardReaderEnabled;
    private final Register cardUid;
    private final Register designation;
    private final Register serialNumber;
    private final Register firmware;
    private final DeviceProtocol protocol;

    /**
     * @param scales V, A, W, Wh per raw unit; null for a controller without a meter
     * @param cardReader whether the controller reports the RFID card (coil 419, UID at holding 606)
     */
    PhoenixVariant(String displayName, int defaultUnitId, boolean serial, int statusAddress, int enableAddress,
            int maxCurrentAddress, double[] scales, boolean cardReader) {
        this.displayName = displayName;
        this.defaultUnitId = defaultUnitId;
        this.serial = serial;
        this.status = Register.input("status", statusAddress, RegisterType.U16).withoutNotAvailableMarker();
        this.enable = Register.coil("enable", enableAddress).writable(WritePolicy.ON_CHANGE_ONLY);
        this.maxCurrent = Register.holding("max_current", maxCurrentAddress, RegisterType.U16).withUnit("A")
                .writable(WritePolicy.ON_CHANGE_ONLY);
        List<Register> registers = new ArrayList<>(List.of(status, enable, maxCurrent));
        if (scales != null) {
            this.volts = new Register[] {u32("voltage.l1", 108, scales[0], "V"), u32("voltage.l2", 110, scales[0], "V"),
                u32("voltage.l3", 112, scales[0], "V")};
            this.amps = new Register[] {u32("current.l1", 114, scales[1], "A"), u32("current.l2", 116, scales[1], "A"),
                u32("current.l3", 118, scales[1], "A")};
            this.power = u32("power", 120, scales[2], "W");
            this.energy = u32("energy", 128, scales[3], "Wh");
            registers.addAll(List.of(volts[0], volts[1], volts[2], amps[0], amps[1], amps[2], power, energy));
        } else {
            this.volts = null;
            this.amps = null;
            this.power = null;
            this.energy = null;
        }
        if (cardReader) {
            this.cardReaderEnabled = Register.coil("card_reader_enabled", 419).notPolled();
            this.cardUid = Register.holdingString("card_uid", 606, 16).notPolled();
            registers.add(cardReaderEnabled);
            registers.add(cardUid);
        } else {
            this.cardReaderEnabled = null;
            this.cardUid = null;
        }
        if (serial) {
            // EV Charge Control Basic: order designation (32 characters), serial number (12), firmware (letter and
            // major version in one register, version, minor version)
            this.designation = Register.inputString("designation", 1000, 16).notPolled();
            this.serialNumber = Register.inputString("serial", 1021, 6).notPolled();
            this.firmware = Register.input("firmware", 1031, RegisterType.U16).withoutNotAvailableMarker().notPolled();
            registers.addAll(List.of(designation, serialNumber, firmware,
                    Register.input("firmware.version", 1032, RegisterType.U16).withoutNotAvailableMarker().notPolled(),
                    Register.input("firmware.minor", 1033, RegisterType.U16).withoutNotAvailableMarker().notPolled()));
        } else {
            this.designation = null;
            this.serialNumber = null;
            this.firmware = null;
        }
        this.protocol = DeviceProtocol.of("phoenix-" + name().toLowerCase(Locale.ROOT), registers.toArray(Register[]::new))
                .withMaxGap(16);
    }

    private static Register u32(String name, int address, double scale, String unit) {
        return Register.input(name, address, RegisterType.U32).lowWordFirst().withScale(scale).withUnit(unit);
    }

    String displayName() {
        return displayName;
    }

    int defaultUnitId() {
        return defaultUnitId;
    }

    /** True for the controller on a serial line (RTU), false for the Modbus TCP ones. */
    boolean serial() {
        return serial;
    }

    /** True if the controller measures voltages, currents, power and energy. */
    boolean metered() {
        return amps != null;
    }

    /** True if the controller reports the RFID card of the session. */
    boolean cardReader() {
        return cardUid != null;
    }

    /** The IEC 61851 state letter of the status register's raw value: low byte on ETH, first character on RTU. */
    char statusLetter(long raw) {
        return (char) (serial ? raw >> 8 & 0xFF : raw & 0xFF);
    }

    public Register status() {
        return status;
    }

    /** @param phase 1..3; null without a meter */
    public Register volts(int phase) {
        return volts == null ? null : volts[phase - 1];
    }

    /** @param phase 1..3; null without a meter */
    public Register amps(int phase) {
        return amps == null ? null : amps[phase - 1];
    }

    /** Null without a meter. */
    public Register power() {
        return power;
    }

    /** Null without a meter. */
    public Register energy() {
        return energy;
    }

    public Register enable() {
        return enable;
    }

    public Register maxCurrent() {
        return maxCurrent;
    }

    /** Coil 419 of the EV-ETH: the card reader is on; null if the controller has none. */
    public Register cardReaderEnabled() {
        return cardReaderEnabled;
    }

    /** Holding 606 (16 registers) of the EV-ETH: the UID of the card presented; null if the controller has none. */
    public Register cardUid() {
        return cardUid;
    }

    /** Input 1000 (16 registers) of the EV-CC-AC1-M: its order designation; null for the ETH controllers. */
    public Register designation() {
        return designation;
    }

    /** Input 1021 (6 registers) of the EV-CC-AC1-M: its serial number; null for the ETH controllers. */
    public Register serialNumber() {
        return serialNumber;
    }

    /** Input 1031 of the EV-CC-AC1-M: firmware letter (high byte) and major version; 1032, 1033 follow. */
    public Register firmware() {
        return firmware;
    }

    public DeviceProtocol protocol() {
        return protocol;
    }
}
