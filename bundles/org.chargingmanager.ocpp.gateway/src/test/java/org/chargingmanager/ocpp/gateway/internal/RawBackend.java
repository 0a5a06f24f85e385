package org.chargingmanager.ocpp.gateway.internal;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.Protocol;
import org.java_websocket.server.WebSocketServer;

/** A backend that sends whatever the test writes: raw text frames over a real WebSocket (Java-WebSocket). */
final class RawBackend extends WebSocketServer {

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final List<WebSocket> connections = new CopyOnWriteArrayList<>();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();
    /** Answers by action (payload JSON); actions not listed get {} (BootNotification: Accepted). */
    final java.util.Map<String, String> answers = new java.util.concurrent.ConcurrentHashMap<>();
    /** CALLs of these actions are not answered: the test answers them with {@link #sendToAll}. */
    final java.util.Set<String> held = java.util.concurrent.ConcurrentHashMap.newKeySet();

    RawBackend(int port) {
        super(new InetSocketAddress("127.0.0.1", port),
                List.of(new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6")))));
        setReuseAddr(true);
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        connections.add(connection);
        opened.incrementAndGet();
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        connections.remove(connection);
        closed.incrementAndGet();
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        received.add(message);
        if (message.contains("\"BootNotification\"")) {
            String id = message.split("\"")[1];
            connection.send("[3,\"" + id + "\",{\"status\":\"Accepted\",\"currentTime\":\"2026-12-01T10:00:00Z\","
                    + "\"interval\":300}]");
        } else if (message.startsWith("[2,")) {
            String id = message.split("\"")[1];
            String action = message.split("\"")[3];
            if (!held.contains(action)) {
                connection.send("[3,\"" + id + "\"," + answers.getOrDefault(action, "{}") + "]");
            }
        }
    }

    @Override
    public void onMessage(WebSocket connection, ByteBuffer message) {
    }

    @Override
    public void onError(WebSocket connection, Exception error) {
        System.err.println("RawBackend: " + error); // shows why a test waited for an answer in vain
    }

    @Override
    public void onStart() {
    }

    void sendToAll(String frame) {
        connections.forEach(connection -> connection.send(frame));
    }

    /** The next frame received that starts with {@code prefix}; others are skipped. */
    String next(String prefix) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            String frame = received.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && frame.startsWith(prefix)) {
                return frame;
            }
        }
        throw new AssertionError("no frame starting with " + prefix);
    }
}
