package org.chargingmanager.gridsignal.modbus.internal;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small Modbus TCP server for the {@link ControlRegisters}: FC 03 and 04 read the block, FC 06 and 16 write it;
 * any other function answers exception 1, a bad address 2, a bad value 3, another unit ID 11. A client whose
 * address is not on the allow-list is disconnected at once. Own implementation rather than j2mod's slave: that one
 * keeps a static registry per port and tells the process image neither the client's address (allow-list) nor lets
 * it refuse a value with exception 3.
 */
final class ModbusTcpServer implements AutoCloseable {

    /** Called after every accepted write, with the client's address. */
    interface WriteListener {
        void written(InetAddress client, int address, int[] words);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ModbusTcpServer.class);
    private static final int MAX_CONNECTIONS = 8;
    private static final int IDLE_TIMEOUT_MILLIS = 120_000;

    private final ControlRegisters registers;
    private final int unitId;
    private final Set<InetAddress> allowed;
    private final WriteListener listener;
    private final ServerSocket serverSocket;
    private final ExecutorService threads;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    /**
     * @param allowed the clients that may connect; empty for every client
     */
    ModbusTcpServer(InetAddress bindAddress, int port, int unitId, Set<InetAddress> allowed,
            ControlRegisters registers, WriteListener listener) throws IOException {
        this.registers = registers;
        this.unitId = unitId;
        this.allowed = Set.copyOf(allowed);
        this.listener = listener;
        this.serverSocket = new ServerSocket();
        serverSocket.setReuseAddress(true);
        serverSocket.bind(new InetSocketAddress(bindAddress, port), 16);
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "chargingmanager-modbus-control");
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptLoop);
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (running) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("Modbus control interface: accept failed: {}", e.getMessage());
                }
                continue;
            }
            InetAddress client = socket.getInetAddress();
            if (!allowed.isEmpty() && !allowed.contains(client)) {
                if (reported.add("refused " + client.getHostAddress())) {
                    LOG.warn("Modbus control interface: refused {}: not on the list of allowed clients",
                            client.getHostAddress());
                }
                closeQuietly(socket);
                continue;
            }
            if (!slots.tryAcquire()) {
                LOG.warn("Modbus control interface: refused {}: already {} connections", client.getHostAddress(),
                        MAX_CONNECTIONS);
                closeQuietly(socket);
                continue;
            }
            open.add(socket);
            threads.execute(() -> {
                try {
                    serve(socket);
                } finally {
                    open.remove(socket);
                    closeQuietly(socket);
                    slots.release();
                }
            });
        }
    }

    private void serve(Socket socket) {
        InetAddress client = socket.getInetAddress();
        try {
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            socket.setTcpNoDelay(true);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (running) {
                int transaction = in.readUnsignedShort();
                int protocol = in.readUnsignedShort();
                int length = in.readUnsignedShort();
                if (protocol != 0 || length < 2 || length > 254) {
                    report(client, "sent a frame that is not Modbus TCP (protocol " + protocol + ", length " + length
                            + "): disconnected");
                    return;
                }
                byte[] frame = new byte[length];
                in.readFully(frame);
                byte[] answer = answer(client, frame);
                byte[] adu = new byte[6 + answer.length];
                adu[0] = (byte) (transaction >> 8);
                adu[1] = (byte) transaction;
                adu[4] = (byte) (answer.length >> 8);
                adu[5] = (byte) answer.length;
                System.arraycopy(answer, 0, adu, 6, answer.length);
                out.write(adu);
                out.flush();
            }
        } catch (EOFException | SocketTimeoutException closed) {
            // the client hung up or stayed silent
        } catch (SocketException closed) {
            // closed by close()
        } catch (IOException e) {
            LOG.debug("Modbus control interface: connection from {} ended: {}", client.getHostAddress(), e.getMessage());
        }
    }

    /** Unit ID and PDU in, unit ID and PDU out. */
    private byte[] answer(InetAddress client, byte[] frame) {
        int unit = frame[0] & 0xFF;
        int function = frame[1] & 0xFF;
        if (unit != unitId && unit != 255) {
            return exception(unit, function, 11, client, "asked for unit " + unit + " (this interface is unit "
                    + unitId + ")");
        }
        try {
            switch (function) {
            case 3:
            case 4: {
                requireLength(frame, 6);
                int address = word(frame, 2);
                int count = word(frame, 4);
                int[] words = registers.read(address, count);
                byte[] answer = new byte[3 + 2 * words.length];
                answer[0] = (byte) unit;
                answer[1] = (byte) function;
                answer[2] = (byte) (2 * words.length);
                for (int i = 0; i < words.length; i++) {
                    answer[3 + 2 * i] = (byte) (words[i] >> 8);
                    answer[4 + 2 * i] = (byte) words[i];
                }
                return answer;
            }
            case 6: {
                requireLength(frame, 6);
                int address = word(frame, 2);
                int[] words = { word(frame, 4) };
                registers.write(address, words);
                listener.written(client, address, words);
                return java.util.Arrays.copyOf(frame, 6);
            }
            case 16: {
                requireLength(frame, 7);
                int address = word(frame, 2);
                int count = word(frame, 4);
                int bytes = frame[6] & 0xFF;
                if (count < 1 || count > 123 || bytes != 2 * count || frame.length != 7 + bytes) {
                    throw new ControlRegisters.Refused(ControlRegisters.ILLEGAL_VALUE, "a write of " + count
                            + " registers with " + bytes + " bytes does not add up");
                }
                int[] words = new int[count];
                for (int i = 0; i < count; i++) {
                    words[i] = word(frame, 7 + 2 * i);
                }
                registers.write(address, words);
                listener.written(client, address, words);
                return java.util.Arrays.copyOf(frame, 6);
            }
            default:
                return exception(unit, function, ControlRegisters.ILLEGAL_FUNCTION, client, "function " + function
                        + " is not offered (3, 4, 6, 16 are)");
            }
        } catch (ControlRegisters.Refused e) {
            return exception(unit, function, e.code, client, e.getMessage());
        }
    }

    private static void requireLength(byte[] frame, int length) throws ControlRegisters.Refused {
        if (frame.length < length) {
            throw new ControlRegisters.Refused(ControlRegisters.ILLEGAL_VALUE, "the request is too short");
        }
    }

    private byte[] exception(int unit, int function, int code, InetAddress client, String why) {
        report(client, "function " + function + " refused with exception " + code + ": " + why);
        return new byte[] { (byte) unit, (byte) (function | 0x80), (byte) code };
    }

    private void report(InetAddress client, String message) {
        if (reported.size() > 1000) {
            reported.clear();
        }
        if (reported.add(client.getHostAddress() + " " + message)) {
            LOG.warn("Modbus control interface: {} {}", client.getHostAddress(), message);
        }
    }

    private static int word(byte[] frame, int offset) {
        return (frame[offset] & 0xFF) << 8 | frame[offset + 1] & 0xFF;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing
        }
        open.forEach(ModbusTcpServer::closeQuietly);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
