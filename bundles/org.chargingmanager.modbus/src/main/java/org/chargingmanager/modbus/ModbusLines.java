package org.chargingmanager.modbus;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The OSGi service that owns every Modbus connection. {@link #open} hands out a handle on the shared line of an
 * endpoint; the connection lives while at least one handle is open (reference-counted) and is closed when the
 * last one is. Hot-deployed driver bundles share connections through this one service.
 */
@ProviderType
public interface ModbusLines {

    /**
     * A handle on the line of {@code endpoint}, opening the connection lazily (at the first request). Close the
     * handle when the device is removed. Never blocks.
     *
     * @throws IllegalArgumentException if a serial port is already open with other settings
     */
    ModbusLine open(ModbusEndpoint endpoint);
}
