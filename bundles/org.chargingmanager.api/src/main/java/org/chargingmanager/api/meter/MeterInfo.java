package org.chargingmanager.api.meter;

import org.chargingmanager.api.device.DeviceIdentity;

/**
 * @param id unique and stable, for example {@code grid}
 * @param name shown to users
 * @param driver which driver serves it
 * @param role what the meter measures
 * @param identity vendor, model, serial number and firmware of the meter
 */
public record MeterInfo(String id, String name, String driver, MeterRole role, DeviceIdentity identity) {

    /** A meter of unknown identity. */
    public MeterInfo(String id, String name, String driver, MeterRole role) {
        this(id, name, driver, role, DeviceIdentity.UNKNOWN);
    }

    public MeterInfo {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a meter needs an id");
        }
        name = name == null || name.isBlank() ? id : name;
        if (role == null) {
            throw new IllegalArgumentException("a meter needs a role");
        }
        identity = identity == null ? DeviceIdentity.UNKNOWN : identity;
    }
}
