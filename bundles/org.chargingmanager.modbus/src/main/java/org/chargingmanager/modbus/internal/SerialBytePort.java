package org.chargingmanager.modbus.internal;

import java.io.IOException;
import java.net.SocketTimeoutException;

import org.chargingmanager.modbus.ModbusEndpoint;

import com.fazecast.jSerialComm.SerialPort;

/** A local serial port through jSerialComm (needs its native library; a missing one fails at open). */
final class SerialBytePort implements BytePort {

    private final ModbusEndpoint.Serial endpoint;
    private SerialPort port;

    SerialBytePort(ModbusEndpoint.Serial endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public void open(int timeoutMillis) throws IOException {
        close();
        SerialPort p = SerialPort.getCommPort(endpoint.portName());
        p.setComPortParameters(endpoint.baudRate(), endpoint.dataBits(),
                endpoint.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                switch (endpoint.parity()) {
                    case NONE -> SerialPort.NO_PARITY;
                    case ODD -> SerialPort.ODD_PARITY;
                    case EVEN -> SerialPort.EVEN_PARITY;
                });
        if (!p.openPort()) {
            throw new IOException("cannot open serial port " + endpoint.portName() + " (error "
                    + p.getLastErrorCode() + ")");
        }
        port = p;
    }

    @Override
    public boolean isOpen() {
        return port != null && port.isOpen();
    }

    @Override
    public void write(byte[] frame) throws IOException {
        if (port.writeBytes(frame, frame.length) != frame.length) {
            throw new IOException("writing to serial port " + endpoint.portName() + " failed");
        }
    }

    @Override
    public int read(int timeoutMillis) throws IOException {
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, Math.max(1, timeoutMillis), 0);
        byte[] one = new byte[1];
        int n = port.readBytes(one, 1);
        if (n < 0) {
            throw new IOException("serial port " + endpoint.portName() + " lost");
        }
        if (n == 0) {
            throw new SocketTimeoutException("no byte within " + timeoutMillis + " ms");
        }
        return one[0] & 0xFF;
    }

    @Override
    public void discardInput() {
        int waiting;
        while ((waiting = port.bytesAvailable()) > 0) {
            port.readBytes(new byte[waiting], waiting);
        }
    }

    @Override
    public void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }
}
