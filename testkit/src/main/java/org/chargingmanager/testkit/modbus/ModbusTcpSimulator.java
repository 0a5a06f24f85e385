package org.chargingmanager.testkit.modbus;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusTable;
import org.chargingmanager.modbus.protocol.DeviceProtocol;

/**
 * A Modbus TCP slave on a free port of 127.0.0.1 (never 8080, 8181 or 19520), serving one
 * {@link SimulatedDevice} per unit ID; a unit ID without a device answers exception 11 (gateway target failed to
 * respond). Each client connection has its own thread and answers its requests in order. Start with
 * {@link #start()}, close at the end of the test.
 *
 * <pre>{@code
 * try (ModbusTcpSimulator slave = ModbusTcpSimulator.start()) {
 *     SimulatedDevice evse = slave.device(1, CfosProtocol.EVSE);
 *     evse.set(CfosProtocol.POWER, 7400).set(CfosProtocol.ENERGY, 123_456);
 *     ... a driver on slave.endpoint() ...
 * }
 * }</pre>
 */
public final class ModbusTcpSimulator implements AutoCloseable {

    private static final Set<Integer> FORBIDDEN_PORTS = Set.of(8080, 8181, 19520);

    private final Map<Integer, SimulatedDevice> devices = new ConcurrentHashMap<>();
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionsAccepted = new AtomicInteger();
    private final AtomicInteger pipelined = new AtomicInteger();
    private final int port;
    private volatile ModbusEndpoint.SerialFraming bridgeFraming;
    private volatile char asciiAnswerStart = ':';
    private volatile ServerSocket server;
    private volatile Thread acceptThread;
    private volatile boolean strict;
    private volatile boolean closed;

    private ModbusTcpSimulator(ServerSocket server) {
        this.server = server;
        this.port = server.getLocalPort();
        acceptIn(server);
    }

    /** Listens on a free loopback port. */
    public static ModbusTcpSimulator start() {
        try {
            // first a port below the kernel's ephemeral range (from 32768 on Linux): after stop(), no
            // other program's "any free port" takes it before resume() listens on it again
            java.util.Random random = new java.util.Random();
            for (int attempt = 0; attempt < 50; attempt++) {
                int port = 20_000 + random.nextInt(12_000);
                if (FORBIDDEN_PORTS.contains(port)) {
                    continue;
                }
                ServerSocket s = new ServerSocket();
                try {
                    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                    return new ModbusTcpSimulator(s);
                } catch (IOException taken) {
                    s.close();
                }
            }
            for (int attempt = 0; attempt < 10; attempt++) {
                ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
                if (!FORBIDDEN_PORTS.contains(s.getLocalPort())) {
                    return new ModbusTcpSimulator(s);
                }
                s.close();
            }
            throw new IllegalStateException("no free loopback port");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * From now on the slave is a serial device behind a transparent serial-to-Ethernet converter: requests and
     * answers are RTU or ASCII frames in the TCP stream, without the MBAP header (connections already open keep
     * their framing). Frames with a wrong CRC or LRC are not answered, as on a bus.
     */
    public ModbusTcpSimulator behindSerialBridge(ModbusEndpoint.SerialFraming framing) {
        this.bridgeFraming = framing;
        return this;
    }

    /** ASCII answers start with this character: ':' (the standard, default) or '>' (as ABL's eMH1 answers). */
    public ModbusTcpSimulator asciiAnswersStartWith(char start) {
        this.asciiAnswerStart = start;
        return this;
    }

    /** The endpoint of the converter: {@code bridge://127.0.0.1:port} with the framing set. */
    public ModbusEndpoint.SerialBridge bridgeEndpoint() {
        if (bridgeFraming == null) {
            throw new IllegalStateException("not behind a serial bridge: call behindSerialBridge first");
        }
        return new ModbusEndpoint.SerialBridge("127.0.0.1", port, bridgeFraming);
    }

    /** {@code tcp://127.0.0.1:port}. */
    public ModbusEndpoint.Tcp endpoint() {
        return new ModbusEndpoint.Tcp("127.0.0.1", port);
    }

    /** Adds (or replaces) the device of {@code unitId}, all registers 0. */
    public SimulatedDevice device(int unitId, DeviceProtocol protocol) {
        SimulatedDevice device = new SimulatedDevice(unitId, protocol);
        devices.put(unitId, device);
        return device;
    }

    /** The device of {@code unitId}; throws if there is none. */
    public SimulatedDevice device(int unitId) {
        SimulatedDevice d = devices.get(unitId);
        if (d == null) {
            throw new IllegalArgumentException("no simulated device with unit ID " + unitId);
        }
        return d;
    }

    /** Removes the device: its unit ID answers exception 11 from now on. */
    public void removeDevice(int unitId) {
        devices.remove(unitId);
    }

    /**
     * Addresses outside the devices' registers answer exception 2 (illegal data address), as many real devices
     * do; by default they read as 0.
     */
    public ModbusTcpSimulator strictAddresses(boolean strictMode) {
        this.strict = strictMode;
        return this;
    }

    /** Client connections accepted so far. */
    public int connectionsAccepted() {
        return connectionsAccepted.get();
    }

    /** Client connections open now. */
    public int openConnections() {
        return (int) clients.stream().filter(s -> !s.isClosed()).count();
    }

    /** Requests that arrived while an earlier request on the same connection was not yet answered. */
    public int pipelinedRequests() {
        return pipelined.get();
    }

    /** Closes every client connection; the slave keeps listening (a device that drops its clients). */
    public void dropConnections() {
        for (Socket s : clients) {
            closeQuietly(s);
        }
        clients.clear();
    }

    /**
     * The slave goes away: stops listening and closes every connection, until {@link #resume()}.
     * Returns only once the accepting thread has ended: the JDK closes a listening socket that a
     * thread is blocked on only when that thread wakes up, and until then the port would still
     * accept a connection (and refuse a new listener).
     */
    public synchronized void stop() {
        ServerSocket s = server;
        server = null;
        if (s != null) {
            closeQuietly(s);
        }
        Thread accepting = acceptThread;
        if (accepting != null) {
            try {
                accepting.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        dropConnections();
    }

    /** Listens again on the same port after {@link #stop()}. */
    public synchronized void resume() {
        if (server != null || closed) {
            return;
        }
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                ServerSocket s = new ServerSocket();
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
                server = s;
                acceptIn(s);
                return;
            } catch (IOException e) {
                last = e; // the old listening socket may take a moment to go
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new UncheckedIOException("cannot listen on port " + port + " again", last);
    }

    public boolean listening() {
        return server != null;
    }

    @Override
    public void close() {
        closed = true;
        stop();
    }

    private void acceptIn(ServerSocket s) {
        Thread t = new Thread(() -> acceptLoop(s), "modbus-sim-accept-" + port);
        t.setDaemon(true);
        acceptThread = t;
        t.start();
    }

    private void acceptLoop(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                if (server != s) {
                    closeQuietly(client); // accepted just as the slave stopped
                    return;
                }
                client.setTcpNoDelay(true);
                clients.add(client);
                connectionsAccepted.incrementAndGet();
                Thread t = new Thread(() -> serve(client), "modbus-sim-" + port + "-" + client.getPort());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        ModbusEndpoint.SerialFraming framing = bridgeFraming;
        if (framing != null) {
            serveFramed(client, framing);
            return;
        }
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                int transactionId = in.readUnsignedShort();
                int protocolId = in.readUnsignedShort();
                int length = in.readUnsignedShort();
                if (length < 2 || length > 260) {
                    return;
                }
                int unitId = in.readUnsignedByte();
                byte[] pdu = new byte[length - 1];
                in.readFully(pdu);
                if (in.available() > 0) {
                    pipelined.incrementAndGet();
                }
                byte[] answer = answer(unitId, pdu);
                if (answer == null) {
                    continue;
                }
                ByteBuffer frame = ByteBuffer.allocate(7 + answer.length);
                frame.putShort((short) transactionId).putShort((short) protocolId)
                        .putShort((short) (answer.length + 1)).put((byte) unitId).put(answer);
                out.write(frame.array());
                out.flush();
            }
        } catch (EOFException | SocketException e) {
            // the client or the test closed the connection
        } catch (IOException e) {
            // the same, reported differently
        } finally {
            clients.remove(client);
        }
    }

    private void serveFramed(Socket client, ModbusEndpoint.SerialFraming framing) {
        try (client) {
            DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(client.getInputStream()));
            OutputStream out = client.getOutputStream();
            while (true) {
                byte[] body = framing == ModbusEndpoint.SerialFraming.RTU ? SerialFrameCodec.readRtuRequest(in)
                        : SerialFrameCodec.readAsciiFrame(in);
                if (body == null) {
                    continue; // a frame with a wrong checksum: a device on a bus stays silent
                }
                if (in.available() > 0) {
                    pipelined.incrementAndGet();
                }
                int unitId = body[0] & 0xFF;
                byte[] answer = answer(unitId, java.util.Arrays.copyOfRange(body, 1, body.length));
                if (answer == null) {
                    continue;
                }
                out.write(framing == ModbusEndpoint.SerialFraming.RTU ? SerialFrameCodec.rtu(unitId, answer)
                        : SerialFrameCodec.ascii(asciiAnswerStart, unitId, answer));
                out.flush();
            }
        } catch (IOException e) {
            // the client or the test closed the connection
        } finally {
            clients.remove(client);
        }
    }

    /** The response PDU, or null for no answer. */
    private byte[] answer(int unitId, byte[] pdu) {
        int function = pdu[0] & 0xFF;
        SimulatedDevice device = devices.get(unitId);
        if (device == null) {
            return exception(function, 11);
        }
        device.countRequest();
        if (!device.delay().isZero()) {
            try {
                Thread.sleep(device.delay().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        switch (device.behaviour()) {
            case SILENT:
                return null;
            case EXCEPTION:
                return exception(function, device.exceptionCode());
            default:
                break;
        }
        boolean malformed = device.behaviour() == SimulatedDevice.Behaviour.MALFORMED;
        ByteBuffer data = ByteBuffer.wrap(pdu, 1, pdu.length - 1);
        if (pdu.length < 5) {
            return exception(function, 3);
        }
        int address = data.getShort() & 0xFFFF;
        int countOrValue = data.getShort() & 0xFFFF;
        switch (function) {
            case 1, 2: {
                ModbusTable table = function == 1 ? ModbusTable.COILS : ModbusTable.DISCRETE_INPUTS;
                if (countOrValue < 1 || countOrValue > ModbusTable.MAX_READ_BITS) {
                    return exception(function, 3);
                }
                if (address + countOrValue > 65536 || (strict && !device.mapped(table, address, countOrValue))) {
                    return exception(function, 2);
                }
                boolean[] bits = device.readBits(table, address, countOrValue);
                int bytes = (countOrValue + 7) / 8 - (malformed ? 1 : 0);
                ByteBuffer r = ByteBuffer.allocate(2 + Math.max(bytes, 0));
                r.put((byte) function).put((byte) Math.max(bytes, 0));
                for (int b = 0; b < bytes; b++) {
                    int v = 0;
                    for (int i = 0; i < 8 && b * 8 + i < bits.length; i++) {
                        if (bits[b * 8 + i]) {
                            v |= 1 << i;
                        }
                    }
                    r.put((byte) v);
                }
                return r.array();
            }
            case 3, 4: {
                ModbusTable table = function == 3 ? ModbusTable.HOLDING_REGISTERS : ModbusTable.INPUT_REGISTERS;
                if (countOrValue < 1 || countOrValue > ModbusTable.MAX_READ_REGISTERS) {
                    return exception(function, 3);
                }
                if (address + countOrValue > 65536 || (strict && !device.mapped(table, address, countOrValue))) {
                    return exception(function, 2);
                }
                int[] words = device.readWords(table, address, countOrValue);
                int n = malformed ? words.length - 1 : words.length;
                ByteBuffer r = ByteBuffer.allocate(2 + 2 * n);
                r.put((byte) function).put((byte) (2 * n));
                for (int i = 0; i < n; i++) {
                    r.putShort((short) words[i]);
                }
                return r.array();
            }
            case 5: {
                if (countOrValue != 0xFF00 && countOrValue != 0) {
                    return exception(function, 3);
                }
                if (strict && !device.mapped(ModbusTable.COILS, address, 1)) {
                    return exception(function, 2);
                }
                device.writeBits(address, new boolean[] {countOrValue == 0xFF00});
                return pdu.clone();
            }
            case 6: {
                if (strict && !device.mapped(ModbusTable.HOLDING_REGISTERS, address, 1)) {
                    return exception(function, 2);
                }
                device.writeWords(address, new int[] {countOrValue});
                return pdu.clone();
            }
            case 15: {
                int byteCount = data.get() & 0xFF;
                if (countOrValue < 1 || byteCount != (countOrValue + 7) / 8 || data.remaining() < byteCount) {
                    return exception(function, 3);
                }
                if (address + countOrValue > 65536
                        || (strict && !device.mapped(ModbusTable.COILS, address, countOrValue))) {
                    return exception(function, 2);
                }
                boolean[] bits = new boolean[countOrValue];
                byte[] packed = new byte[byteCount];
                data.get(packed);
                for (int i = 0; i < countOrValue; i++) {
                    bits[i] = (packed[i / 8] >> (i % 8) & 1) != 0;
                }
                device.writeBits(address, bits);
                return ByteBuffer.allocate(5).put((byte) function).putShort((short) address)
                        .putShort((short) countOrValue).array();
            }
            case 16: {
                int byteCount = data.get() & 0xFF;
                if (countOrValue < 1 || countOrValue > 123 || byteCount != 2 * countOrValue
                        || data.remaining() < byteCount) {
                    return exception(function, 3);
                }
                if (address + countOrValue > 65536
                        || (strict && !device.mapped(ModbusTable.HOLDING_REGISTERS, address, countOrValue))) {
                    return exception(function, 2);
                }
                int[] words = new int[countOrValue];
                for (int i = 0; i < countOrValue; i++) {
                    words[i] = data.getShort() & 0xFFFF;
                }
                device.writeWords(address, words);
                return ByteBuffer.allocate(5).put((byte) function).putShort((short) address)
                        .putShort((short) countOrValue).array();
            }
            default:
                return exception(function, 1);
        }
    }

    private static byte[] exception(int function, int code) {
        return new byte[] {(byte) (function | 0x80), (byte) code};
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // closing anyway
        }
    }
}
