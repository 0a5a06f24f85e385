/** The j2mod-based implementation of {@code ModbusLines}: shared connections, back-off, the DS component. */
package org.chargingmanager.modbus.internal;
