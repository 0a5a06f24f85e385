package org.chargingmanager.testkit.sunspec;

import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.testkit.modbus.SimulatedDevice;

/**
 * Writes a SunSpec model chain into a simulated device, after the SunSpec Information Model: the marker "SunS" at
 * the base address, then models (ID, length L, L registers), then the end model 0xFFFF. Points are set by their
 * offset from the model's ID register, as the SunSpec model tables list them. Use a simulator without strict
 * addresses (unset registers read 0), and {@link #PROTOCOL} for the device.
 */
public final class SunSpecImage {

    /** A protocol to create the simulated device with; the image writes wherever it needs. */
    public static final DeviceProtocol PROTOCOL = DeviceProtocol.of("sunspec-image",
            Register.holding("marker", 40000, RegisterType.U32));

    private final SimulatedDevice device;
    private int next;

    private SunSpecImage(SimulatedDevice device, int base) {
        this.device = device;
        set(base, RegisterType.U32, 0x53756E53L);
        this.next = base + 2;
    }

    /** Starts a chain at {@code base} (40000, 0 or 50000). */
    public static SunSpecImage at(SimulatedDevice device, int base) {
        return new SunSpecImage(device, base);
    }

    /** The common model 1 (length 66): manufacturer, model, version, serial number. */
    public SunSpecImage common(String manufacturer, String model, String version, String serial) {
        int start = model(1, 66);
        text(start + 2, 16, manufacturer);
        text(start + 18, 16, model);
        text(start + 42, 8, version);
        text(start + 50, 16, serial);
        return this;
    }

    /** Adds a model header and returns the address of its ID register; its points are set with {@link #set}. */
    public int model(int id, int length) {
        int start = next;
        set(start, RegisterType.U16, id);
        set(start + 1, RegisterType.U16, length);
        next = start + 2 + length;
        return start;
    }

    /** Ends the chain. */
    public SunSpecImage end() {
        set(next, RegisterType.U16, 0xFFFF);
        set(next + 1, RegisterType.U16, 0);
        return this;
    }

    /** Sets one point: a raw value of its type at {@code address}. */
    public SunSpecImage set(int address, RegisterType type, double raw) {
        Register register = Register.holding("p" + address, address, type).withoutNotAvailableMarker();
        device.set(register, raw);
        return this;
    }

    /** Sets a point to its "not implemented" value (0xFFFF, 0x8000, NaN). */
    public SunSpecImage notImplemented(int address, RegisterType type) {
        device.setNotAvailable(Register.holding("p" + address, address, type));
        return this;
    }

    private void text(int address, int words, String text) {
        device.setText(Register.holdingString("s" + address, address, words), text);
    }
}
