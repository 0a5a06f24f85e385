package org.chargingmanager.modbus.protocol;

/** What {@link ModbusDevice#write} did with a value. */
public enum WriteOutcome {
    /** Sent to the device and acknowledged. */
    WRITTEN,
    /** Not sent: the device has (or was last given) this value, and the write policy skips repeats. */
    UNCHANGED,
    /** Not sent yet: the register's minimum interval has not passed; {@link ModbusDevice#flush()} sends it later. */
    DEFERRED
}
