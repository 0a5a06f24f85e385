package org.chargingmanager.wallbox.phoenix.internal;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.modbus.protocol.WritePolicy;

/**
 * The register maps of the Phoenix Contact EV Charge Control controllers (Phoenix 106377_en_04), as data: input
 * registers for the values, 32-bit values low word first, the status an ASCII letter (A..F) in the low byte, the
 * enable coil, the current limit in whole amperes. The variants differ in unit ID, the current register and units.
 */
public enum PhoenixVariant {

    /** EV-CC-AC1-M3-CBC-RCM-ETH (Wallbe, ESL Walli, E3/DC Easy Connect): unit 255 (DIP switch 10 ON), V, A, W, Wh. */
    EV_ETH("EV-ETH", 255, 1, 1, 1, 1, 528),
    /** EM-CP-PP-ETH (Compleo and others): unit 180, 0.01 V, mA, 0.01 kW, 0.01 kWh. */
    EM_CP_PP_ETH("EM-CP-PP-ETH", 180, 0.01, 0.001, 10, 10, 300);

    private final String displayName;
    private final int defaultUnitId;
    private final Register status;
    private final Register[] volts;
    private final Register[] amps;
    private final Register power;
    private final Register energy;
    private final Register enable;
    private final Register maxCurrent;
    private final DeviceProtocol protocol;

    PhoenixVariant(String displayName, int defaultUnitId, double voltScale, double ampScale, double wattScale,
            double wattHourScale, int maxCurrentAddress) {
        this.displayName = displayName;
        this.defaultUnitId = defaultUnitId;
        this.status = Register.input("status", 100, RegisterType.U16).withoutNotAvailableMarker();
        this.volts = new Register[] {u32("voltage.l1", 108, voltScale, "V"), u32("voltage.l2", 110, voltScale, "V"),
            u32("voltage.l3", 112, voltScale, "V")};
        this.amps = new Register[] {u32("current.l1", 114, ampScale, "A"), u32("current.l2", 116, ampScale, "A"),
            u32("current.l3", 118, ampScale, "A")};
        this.power = u32("power", 120, wattScale, "W");
        this.energy = u32("energy", 128, wattHourScale, "Wh");
        this.enable = Register.coil("enable", 400).writable(WritePolicy.ON_CHANGE_ONLY);
        this.maxCurrent = Register.holding("max_current", maxCurrentAddress, RegisterType.U16).withUnit("A")
                .writable(WritePolicy.ON_CHANGE_ONLY);
        this.protocol = DeviceProtocol.of("phoenix-" + name().toLowerCase(java.util.Locale.ROOT), status, volts[0],
                volts[1], volts[2], amps[0], amps[1], amps[2], power, energy, enable, maxCurrent).withMaxGap(16);
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

    public Register status() {
        return status;
    }

    /** @param phase 1..3 */
    public Register volts(int phase) {
        return volts[phase - 1];
    }

    /** @param phase 1..3 */
    public Register amps(int phase) {
        return amps[phase - 1];
    }

    public Register power() {
        return power;
    }

    public Register energy() {
        return energy;
    }

    public Register enable() {
        return enable;
    }

    public Register maxCurrent() {
        return maxCurrent;
    }

    public DeviceProtocol protocol() {
        return protocol;
    }
}
