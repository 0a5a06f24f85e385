package org.chargingmanager.wallbox.keba.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP socket shared by every KEBA box on the same local port (a real box answers to port 7090 of the sender,
 * so all boxes must be talked to from the one socket on 7090). A thread of its own receives datagrams and hands
 * each to the box it came from: the box registered for the sender's address and port, or else the only box
 * registered for the sender's address. Sockets are shared by reference count through {@link #open(int, Clock)}.
 */
final class KebaUdpSocket implements AutoCloseable {

    /** Receives what a box sent; called in the socket's thread, must not block. */
    interface Receiver {
        void received(String text, Instant at);
    }

    private static final Logger LOG = LoggerFactory.getLogger(KebaUdpSocket.class);
    private static final Map<Integer, KebaUdpSocket> SHARED = new HashMap<>();

    private final DatagramSocket socket;
    private final int port;
    private final Clock clock;
    private final Map<InetSocketAddress, Receiver> receivers = new ConcurrentHashMap<>();
    private final Thread thread;
    private int users = 1;
    private volatile boolean closed;

    private KebaUdpSocket(int localPort, Clock clock) throws SocketException {
        this.socket = new DatagramSocket(localPort);
        this.port = socket.getLocalPort();
        this.clock = clock;
        this.thread = new Thread(this::receive, "keba-udp-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The socket on {@code localPort}, opened by the first user; port 0 always opens a socket of its own.
     *
     * @throws UncheckedIOException when the port cannot be bound (another program uses it)
     */
    static KebaUdpSocket open(int localPort, Clock clock) {
        synchronized (SHARED) {
            KebaUdpSocket socket = localPort == 0 ? null : SHARED.get(localPort);
            if (socket != null) {
                socket.users++;
                return socket;
            }
            try {
                socket = new KebaUdpSocket(localPort, clock);
            } catch (SocketException e) {
                throw new UncheckedIOException("UDP port " + localPort + " cannot be opened: " + e.getMessage(), e);
            }
            if (localPort != 0) {
                SHARED.put(localPort, socket);
            }
            LOG.info("KEBA UDP socket open on port {}", socket.localPort());
            return socket;
        }
    }

    int localPort() {
        return port;
    }

    /** @throws IllegalStateException when another box is registered with the same address and port */
    void register(InetSocketAddress box, Receiver receiver) {
        if (receivers.putIfAbsent(box, receiver) != null) {
            throw new IllegalStateException("another KEBA wallbox is configured at " + box);
        }
    }

    void unregister(InetSocketAddress box) {
        receivers.remove(box);
    }

    void send(InetSocketAddress box, String command) throws IOException {
        byte[] bytes = command.getBytes(StandardCharsets.US_ASCII);
        socket.send(new DatagramPacket(bytes, bytes.length, box));
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("KEBA UDP socket on port {}: {}", port, e.getMessage());
                }
                continue;
            }
            Instant at = clock.instant();
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
            Receiver receiver = receiverFor((InetSocketAddress) packet.getSocketAddress());
            if (receiver == null) {
                LOG.debug("KEBA UDP: datagram from {}, which is no configured wallbox", packet.getSocketAddress());
                continue;
            }
            try {
                receiver.received(text, at);
            } catch (RuntimeException e) {
                LOG.error("KEBA UDP: handling a datagram from {} failed", packet.getSocketAddress(), e);
            }
        }
    }

    private Receiver receiverFor(InetSocketAddress sender) {
        Receiver exact = receivers.get(sender);
        if (exact != null) {
            return exact;
        }
        List<Receiver> sameHost = receivers.entrySet().stream()
                .filter(e -> e.getKey().getAddress().equals(sender.getAddress())).map(Map.Entry::getValue).toList();
        return sameHost.size() == 1 ? sameHost.get(0) : null;
    }

    /** Closes the socket when its last user closes it. */
    @Override
    public void close() {
        synchronized (SHARED) {
            if (--users > 0) {
                return;
            }
            SHARED.remove(port, this);
        }
        closed = true;
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("KEBA UDP socket on port {} closed", port);
    }
}
