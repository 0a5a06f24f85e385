package org.chargingmanager.modbus;

/**
 * A Modbus request that failed. The {@link #kind()} says why; for an exception response the Modbus exception
 * code is in {@link #exceptionCode()}. A driver treats any of them as "this device did not answer properly":
 * it marks the device offline and tries again in its next cycle.
 */
public final class ModbusException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why a request failed. */
    public enum Kind {
        /** No (complete) answer within the request's timeout. */
        TIMEOUT,
        /** The device answered with a Modbus exception response (see {@link ModbusException#exceptionCode()}). */
        EXCEPTION_RESPONSE,
        /** An answer that does not fit the request (wrong length, unit ID or function) or a value not available. */
        INVALID_RESPONSE,
        /** The line is not connected: connecting failed, or the line waits before the next attempt (back-off). */
        NOT_CONNECTED,
        /** The connection broke during the request (closed by the device, reset); the next request reconnects. */
        CONNECTION_LOST,
        /** The line was closed by its user or the service went away. */
        CLOSED
    }

    /** Modbus exception code 1: illegal function. */
    public static final int ILLEGAL_FUNCTION = 1;
    /** Modbus exception code 2: illegal data address. */
    public static final int ILLEGAL_DATA_ADDRESS = 2;
    /** Modbus exception code 3: illegal data value. */
    public static final int ILLEGAL_DATA_VALUE = 3;
    /** Modbus exception code 4: server device failure. */
    public static final int SERVER_DEVICE_FAILURE = 4;
    /** Modbus exception code 6: server device busy. */
    public static final int SERVER_DEVICE_BUSY = 6;
    /** Modbus exception code 11 (0x0B): a gateway's target device failed to respond. */
    public static final int GATEWAY_TARGET_FAILED = 11;

    private final Kind kind;
    private final int exceptionCode;

    public ModbusException(Kind kind, String message) {
        this(kind, -1, message, null);
    }

    public ModbusException(Kind kind, String message, Throwable cause) {
        this(kind, -1, message, cause);
    }

    public ModbusException(Kind kind, int exceptionCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.exceptionCode = exceptionCode;
    }

    /** An exception response with this Modbus exception code. */
    public static ModbusException exceptionResponse(int exceptionCode, String message) {
        return new ModbusException(Kind.EXCEPTION_RESPONSE, exceptionCode, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The Modbus exception code of an {@link Kind#EXCEPTION_RESPONSE}, else -1. */
    public int exceptionCode() {
        return exceptionCode;
    }
}
