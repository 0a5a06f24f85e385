package org.chargingmanager.wallbox.abl.internal;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.modbus.ModbusException;

/** The registers of one ABL controller model: what {@link AblCharger} reads and writes, nothing more. */
interface AblLink {

    /** Reads what the box tells about itself (at every new connection). */
    DeviceIdentity identify() throws ModbusException;

    AblReading read() throws ModbusException;

    /** The limit the box would apply for {@code milliamps} (its steps, rounded down); 0 stays 0. */
    int settableMilliamps(int milliamps);

    /** Sets the current limit; 0 disables charging (the car stays connected). */
    void writeLimit(int milliamps) throws ModbusException;

    /** Takes the outlet out of state E0 ("outlet disabled"); false if the model has no such command. */
    boolean enableOutlet() throws ModbusException;

    /** The steps the current is set in, for {@code EvseCapabilities}. */
    int resolutionMilliamps();
}
