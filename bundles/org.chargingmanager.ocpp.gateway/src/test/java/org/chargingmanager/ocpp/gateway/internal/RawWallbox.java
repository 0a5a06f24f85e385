package org.chargingmanager.ocpp.gateway.internal;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;

/**
 * A wallbox that sends whatever the test writes, over a real WebSocket (Java-WebSocket): exact
 * frames with spacing and escapes a JSON library would not produce. It answers the central
 * system's CALLs with a plain Accepted, except the actions the test holds back.
 */
final class RawWallbox extends WebSocketClient {

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    /** CALLs of these actions are not answered: the test answers them with {@link #send}. */
    final Set<String> held = ConcurrentHashMap.newKeySet();
    private final Map<String, String> answers = Map.of("GetConfiguration", "{\"configurationKey\":[]}",
            "GetLocalListVersion", "{\"listVersion\":0}", "ClearChargingProfile", "{\"status\":\"Unknown\"}");

    RawWallbox(String url) {
        super(URI.create(url), new Draft_6455(List.of(), List.of(new Protocol("ocpp1.6"))));
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
    }

    @Override
    public void onMessage(String message) {
        received.add(message);
        if (message.startsWith("[2,")) {
            String[] parts = message.split("\"");
            String id = parts[1];
            String action = parts[3];
            if (!held.contains(action)) {
                send("[3,\"" + id + "\"," + answers.getOrDefault(action, "{\"status\":\"Accepted\"}") + "]");
            }
        }
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
    }

    @Override
    public void onError(Exception error) {
        System.err.println("RawWallbox: " + error); // shows why a test waited for an answer in vain
    }

    /** The next frame received that starts with {@code prefix}; others are skipped. */
    String next(String prefix) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < end) {
            String frame = received.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && frame.startsWith(prefix)) {
                return frame;
            }
        }
        throw new AssertionError("no frame starting with " + prefix);
    }

    /** Sends a CALL and returns the answer to it. */
    String call(String messageId, String action, String payload) throws InterruptedException {
        send("[2,\"" + messageId + "\",\"" + action + "\"," + payload + "]");
        return next("[3,\"" + messageId + "\"");
    }
}
