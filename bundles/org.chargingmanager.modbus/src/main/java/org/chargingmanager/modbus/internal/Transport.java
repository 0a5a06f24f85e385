package org.chargingmanager.modbus.internal;

import org.chargingmanager.modbus.ModbusException;

import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;

/** One physical connection (TCP socket or serial port) that executes one j2mod request at a time. */
interface Transport {

    boolean isOpen();

    /** Opens the connection within {@code timeoutMillis}. */
    void open(int timeoutMillis) throws Exception;

    /**
     * Sends the request and returns the answer (an {@code ExceptionResponse} throws
     * {@code ModbusSlaveException}); any I/O failure closes the connection.
     */
    ModbusResponse execute(ModbusRequest request, int timeoutMillis) throws com.ghgande.j2mod.modbus.ModbusException;

    /** True if the failure's message or cause says "timeout". */
    static boolean saysTimeout(ModbusIOException failure) {
        return String.valueOf(failure.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("timeout")
                || failure.getCause() instanceof java.net.SocketTimeoutException;
    }

    void close();

    /**
     * What an I/O failure of {@link #execute} means: {@code TIMEOUT}, {@code INVALID_RESPONSE} (a garbled frame)
     * or {@code CONNECTION_LOST}; j2mod reports all of them as {@code ModbusIOException} with different texts.
     */
    ModbusException.Kind classify(ModbusIOException failure);

    /**
     * True if a failure of this kind must close the connection: on TCP always (a late answer would otherwise be
     * read as the next request's); on a serial line only a lost port (the silence between frames resynchronises).
     */
    boolean closeAfter(ModbusException.Kind kind);
}
