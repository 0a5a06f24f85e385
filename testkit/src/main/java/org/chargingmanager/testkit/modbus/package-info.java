/**
 * A Modbus TCP device simulator for tests: {@link org.chargingmanager.testkit.modbus.ModbusTcpSimulator} listens on
 * a free loopback port and serves any number of {@link org.chargingmanager.testkit.modbus.SimulatedDevice}s (one per
 * unit ID), whose registers a test sets and reads through the driver's own
 * {@link org.chargingmanager.modbus.protocol.Register} definitions. Faults: no answer, delayed answers, exception
 * responses, malformed answers, "not available" values, dropped connections, the slave going away and coming back,
 * a reboot that reports 0 for chosen registers. {@link org.chargingmanager.testkit.modbus.ModbusTestKit#lines}
 * gives the production {@code ModbusLines} without OSGi.
 */
package org.chargingmanager.testkit.modbus;
