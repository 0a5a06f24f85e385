/**
 * Shared Modbus lines. A driver asks the {@link org.chargingmanager.modbus.ModbusLines} service for the
 * {@link org.chargingmanager.modbus.ModbusLine} of an {@link org.chargingmanager.modbus.ModbusEndpoint} (a TCP
 * host and port, a serial port, or a serial line behind a serial-to-Ethernet converter); every driver on the same endpoint shares one connection, and its requests
 * are serialised. Each request names the device's unit ID and a timeout; a failed request throws a
 * {@link org.chargingmanager.modbus.ModbusException} saying why (timeout, exception response, invalid answer,
 * no connection). Drivers normally use the register engine of {@code org.chargingmanager.modbus.protocol}
 * instead of these raw requests.
 */
@Export
@Version("1.1.0")
package org.chargingmanager.modbus;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
