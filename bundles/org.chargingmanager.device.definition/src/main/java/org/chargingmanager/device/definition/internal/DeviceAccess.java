package org.chargingmanager.device.definition.internal;

import java.util.OptionalDouble;

import org.chargingmanager.device.definition.internal.DeviceDefinition.Quantity;

/** Reads a defined device's values and writes its set-points, over Modbus or HTTP. */
interface DeviceAccess {

    /** One reading: each quantity the definition names, in the project's units; empty when not available. */
    interface Values {
        OptionalDouble get(Quantity quantity);
    }

    /** A device that does not answer, or answers what the definition does not describe. */
    final class AccessException extends Exception {
        private static final long serialVersionUID = 1L;

        AccessException(String message) {
            super(message);
        }
    }

    Values read() throws AccessException;

    /** Sets the charging current, in A (after the definition's register scale). */
    void writeCurrent(double amps) throws AccessException;

    /** Lets the car charge or pauses; only where the definition has a way to. */
    void writeEnable(boolean enabled) throws AccessException;

    /** Whether the definition pauses by its own register or path (otherwise by current 0). */
    boolean canPause();

    /** Whether the connection is another than at the last {@link #polled()}: values may be lost, write them again. */
    boolean reconnected();

    /** A cycle went through on the current connection. */
    void polled();

    String address();
}
