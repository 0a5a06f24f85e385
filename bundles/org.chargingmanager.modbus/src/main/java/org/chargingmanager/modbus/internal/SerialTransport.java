package org.chargingmanager.modbus.internal;

import java.util.Locale;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusException;

import com.fazecast.jSerialComm.SerialPort;
import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.io.ModbusSerialTransaction;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.net.SerialConnection;
import com.ghgande.j2mod.modbus.util.SerialParameters;

/** Modbus RTU or ASCII on a serial port through j2mod's {@link SerialConnection} (jSerialComm). */
final class SerialTransport implements Transport {

    private final ModbusEndpoint.Serial endpoint;
    private SerialConnection connection;

    SerialTransport(ModbusEndpoint.Serial endpoint) {
        this.endpoint = endpoint;
    }

    static SerialParameters parameters(ModbusEndpoint.Serial endpoint) {
        SerialParameters p = new SerialParameters();
        p.setPortName(endpoint.portName());
        p.setBaudRate(endpoint.baudRate());
        p.setDatabits(endpoint.dataBits());
        p.setStopbits(endpoint.stopBits());
        p.setParity(switch (endpoint.parity()) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
        });
        p.setEncoding(endpoint.framing().name().toLowerCase(Locale.ROOT));
        p.setEcho(false);
        return p;
    }

    @Override
    public boolean isOpen() {
        return connection != null && connection.isOpen();
    }

    @Override
    public void open(int timeoutMillis) throws Exception {
        close();
        SerialConnection c = new SerialConnection(parameters(endpoint));
        c.setTimeout(timeoutMillis);
        c.open();
        connection = c;
    }

    @Override
    public ModbusResponse execute(ModbusRequest request, int timeoutMillis)
            throws com.ghgande.j2mod.modbus.ModbusException {
        connection.setTimeout(timeoutMillis);
        ModbusSerialTransaction transaction = new ModbusSerialTransaction(connection);
        transaction.setRetries(1);
        transaction.setRequest(request);
        transaction.execute();
        return transaction.getResponse();
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }

    @Override
    public ModbusException.Kind classify(ModbusIOException failure) {
        String message = String.valueOf(failure.getMessage());
        if (message.contains("CRC")) {
            return ModbusException.Kind.INVALID_RESPONSE;
        }
        // j2mod 3.2/3.3 RTU: no byte within the timeout reads as "Cannot read from serial port" (also
        // "- truncated" for a partial frame) or "Error reading response"
        if (Transport.saysTimeout(failure) || message.contains("Cannot read from serial port")
                || message.contains("Error reading response")) {
            return ModbusException.Kind.TIMEOUT;
        }
        return ModbusException.Kind.CONNECTION_LOST;
    }

    @Override
    public boolean closeAfter(ModbusException.Kind kind) {
        return kind == ModbusException.Kind.CONNECTION_LOST;
    }
}
