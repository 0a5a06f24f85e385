package org.chargingmanager.api.device;

/**
 * Who made a device and which one it is, as the device reports it (or as configured). Every
 * part is {@code ""} when unknown, never {@code null}.
 *
 * @param vendor for example {@code cFos}, {@code KEBA}, {@code Eastron}
 * @param model for example {@code Power Brain 11kW}, {@code SDM630}
 * @param serialNumber the device's serial number
 * @param firmwareVersion the firmware it runs
 */
public record DeviceIdentity(String vendor, String model, String serialNumber, String firmwareVersion) {

    /** Nothing known. */
    public static final DeviceIdentity UNKNOWN = new DeviceIdentity("", "", "", "");

    public DeviceIdentity {
        vendor = vendor == null ? "" : vendor.strip();
        model = model == null ? "" : model.strip();
        serialNumber = serialNumber == null ? "" : serialNumber.strip();
        firmwareVersion = firmwareVersion == null ? "" : firmwareVersion.strip();
    }
}
