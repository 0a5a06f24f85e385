package org.chargingmanager.modbus.internal;

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

    void close();

    /**
     * True if a timed-out request must close the connection: on TCP a late answer would otherwise be read as
     * the next request's; on a serial line the silence between frames resynchronises, so the port stays open.
     */
    boolean closeAfterTimeout();
}
