/**
 * Device protocols as data. A driver declares its registers as {@link org.chargingmanager.modbus.protocol.Register}
 * values (table, address, type, word order, scale, unit, write policy) and collects them in a
 * {@link org.chargingmanager.modbus.protocol.DeviceProtocol}; a {@link org.chargingmanager.modbus.protocol.ModbusDevice}
 * (one per device: line, unit ID, protocol) then reads them in as few block reads as the protocol allows
 * ({@link org.chargingmanager.modbus.protocol.BlockPlanner}), decodes them
 * ({@link org.chargingmanager.modbus.protocol.RegisterCodec}: "not available" markers become empty values) and
 * writes set-points as their {@link org.chargingmanager.modbus.protocol.WritePolicy} allows. Everything except
 * {@code ModbusDevice} is pure and immutable.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.modbus.protocol;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
