package org.chargingmanager.modbus.internal;

import java.net.InetAddress;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusException;

import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.io.ModbusTCPTransaction;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.net.TCPMasterConnection;

/** Modbus TCP on j2mod's {@link TCPMasterConnection}; transaction IDs are checked, no retries. */
final class TcpTransport implements Transport {

    private final ModbusEndpoint.Tcp endpoint;
    private TCPMasterConnection connection;
    private int transactionId;

    TcpTransport(ModbusEndpoint.Tcp endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public boolean isOpen() {
        return connection != null && connection.isConnected();
    }

    @Override
    public void open(int timeoutMillis) throws Exception {
        close();
        TCPMasterConnection c = new TCPMasterConnection(InetAddress.getByName(endpoint.host()));
        c.setPort(endpoint.port());
        c.setTimeout(timeoutMillis);
        c.connect();
        connection = c;
    }

    @Override
    public ModbusResponse execute(ModbusRequest request, int timeoutMillis)
            throws com.ghgande.j2mod.modbus.ModbusException {
        connection.setTimeout(timeoutMillis);
        ModbusTCPTransaction transaction = new ModbusTCPTransaction(connection);
        transaction.setRetries(1);
        transaction.setReconnecting(false);
        transaction.setCheckingValidity(true);
        transaction.setRequest(request);
        transactionId = transactionId >= 0xFFFE ? 1 : transactionId + 1;
        request.setTransactionID(transactionId);
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
        if (Transport.saysTimeout(failure)) {
            return ModbusException.Kind.TIMEOUT;
        }
        // j2mod: a transaction ID that does not match the request's
        return String.valueOf(failure.getMessage()).contains("Executing transaction failed")
                ? ModbusException.Kind.INVALID_RESPONSE : ModbusException.Kind.CONNECTION_LOST;
    }

    @Override
    public boolean closeAfter(ModbusException.Kind kind) {
        return true;
    }
}
