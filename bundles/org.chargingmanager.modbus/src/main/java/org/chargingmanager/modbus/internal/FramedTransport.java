package org.chargingmanager.modbus.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.Arrays;

import org.chargingmanager.modbus.ModbusEndpoint.SerialFraming;
import org.chargingmanager.modbus.ModbusException;

import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;

/**
 * Modbus RTU or ASCII frames over a {@link BytePort}, framed by this bundle itself (not by j2mod's serial
 * transports): so the same code serves a local port and a serial-to-Ethernet converter, and ASCII answers
 * starting with {@code '>'} (ABL) are understood. One request at a time; before each request whatever has
 * arrived late is dropped.
 */
final class FramedTransport implements Transport {

    private static final int MAX_ASCII_CHARS = 2 * 256 + 4;

    private final BytePort port;
    private final SerialFraming framing;

    FramedTransport(BytePort port, SerialFraming framing) {
        this.port = port;
        this.framing = framing;
    }

    @Override
    public boolean isOpen() {
        return port.isOpen();
    }

    @Override
    public void open(int timeoutMillis) throws Exception {
        port.open(timeoutMillis);
    }

    @Override
    public ModbusResponse execute(ModbusRequest request, int timeoutMillis)
            throws com.ghgande.j2mod.modbus.ModbusException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        byte[] sent = SerialFrames.encode(framing, request.getUnitID(), pdu(request));
        byte[] body;
        try {
            port.discardInput();
            port.write(sent);
            body = framing == SerialFraming.RTU ? readRtu(deadline) : readAscii(deadline);
        } catch (SocketTimeoutException e) {
            throw new ModbusIOException("timeout: no complete answer within " + timeoutMillis + " ms", e);
        } catch (IOException e) {
            throw new ModbusIOException("connection lost: " + e.getMessage(), e);
        }
        int function = body[1] & 0xFF;
        if (function == (request.getFunctionCode() | 0x80)) {
            throw new ModbusSlaveException(body.length > 2 ? body[2] & 0xFF : 0);
        }
        if (function != request.getFunctionCode()) {
            throw new com.ghgande.j2mod.modbus.ModbusException("answer to function " + function
                    + " for a request of function " + request.getFunctionCode());
        }
        ModbusResponse response = ModbusResponse.createModbusResponse(function);
        response.setHeadless();
        try {
            // headless: unit ID, function code (some j2mod responses do not set their own), data
            response.readFrom(new DataInputStream(new ByteArrayInputStream(body)));
        } catch (IOException e) {
            throw new com.ghgande.j2mod.modbus.ModbusException("answer too short for function " + function);
        }
        return response;
    }

    private static byte[] pdu(ModbusRequest request) throws ModbusIOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(request.getFunctionCode());
            request.writeData(out);
        } catch (IOException e) {
            throw new ModbusIOException("cannot encode request", e);
        }
        return bytes.toByteArray();
    }

    private int next(long deadline) throws IOException {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
            throw new SocketTimeoutException("deadline passed");
        }
        return port.read((int) left);
    }

    /** Unit, function and data of an ASCII answer (LRC checked). */
    private byte[] readAscii(long deadline) throws IOException, com.ghgande.j2mod.modbus.ModbusException {
        while (true) {
            int c;
            do {
                c = next(deadline);
            } while (c != ':' && c != '>');
            StringBuilder hex = new StringBuilder();
            while (true) {
                c = next(deadline);
                if (c == '\n') {
                    break;
                }
                if (c == ':' || c == '>') {
                    hex.setLength(0); // a new frame starts: the one before was cut off
                } else if (c != '\r') {
                    hex.append((char) c);
                }
                if (hex.length() > MAX_ASCII_CHARS) {
                    throw new com.ghgande.j2mod.modbus.ModbusException("ASCII answer without an end");
                }
            }
            try {
                return SerialFrames.decodeAscii(hex);
            } catch (IllegalArgumentException e) {
                throw new com.ghgande.j2mod.modbus.ModbusException("garbled ASCII answer: " + e.getMessage());
            }
        }
    }

    /** Unit, function and data of an RTU answer (CRC checked). */
    private byte[] readRtu(long deadline) throws IOException, com.ghgande.j2mod.modbus.ModbusException {
        byte[] frame = new byte[256];
        for (int i = 0; i < 3; i++) {
            frame[i] = (byte) next(deadline);
        }
        int length = SerialFrames.rtuAnswerLength(frame[1] & 0xFF, frame[2] & 0xFF);
        if (length < 0 || length > frame.length) {
            throw new com.ghgande.j2mod.modbus.ModbusException("garbled RTU answer: function " + (frame[1] & 0xFF));
        }
        for (int i = 3; i < length; i++) {
            frame[i] = (byte) next(deadline);
        }
        int crc = SerialFrames.crc16(frame, length - 2);
        if ((frame[length - 2] & 0xFF) != (crc & 0xFF) || (frame[length - 1] & 0xFF) != crc >> 8) {
            throw new com.ghgande.j2mod.modbus.ModbusException("garbled RTU answer: CRC error");
        }
        return Arrays.copyOf(frame, length - 2);
    }

    @Override
    public void close() {
        port.close();
    }

    @Override
    public ModbusException.Kind classify(ModbusIOException failure) {
        if (Transport.saysTimeout(failure)) {
            return ModbusException.Kind.TIMEOUT;
        }
        return failure.getCause() instanceof EOFException || failure.getCause() instanceof IOException
                ? ModbusException.Kind.CONNECTION_LOST : ModbusException.Kind.INVALID_RESPONSE;
    }

    /** A timeout or a garbled frame leaves the line open: late bytes are dropped before the next request. */
    @Override
    public boolean closeAfter(ModbusException.Kind kind) {
        return kind == ModbusException.Kind.CONNECTION_LOST;
    }
}
