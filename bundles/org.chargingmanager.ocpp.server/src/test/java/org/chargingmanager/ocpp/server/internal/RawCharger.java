package org.chargingmanager.ocpp.server.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

/**
 * A charge point made of the JDK's WebSocket client and hand-written frames: for malformed
 * input, and for answering the server's CALLs with whatever a test wants.
 */
final class RawCharger implements WebSocket.Listener, AutoCloseable {

    final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    final BlockingQueue<String> serverCalls = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private final AtomicInteger ids = new AtomicInteger();
    /** Answers a server CALL (the frame as JSON array) with a payload object as JSON text; null: no answer. */
    volatile Function<JsonArray, String> answerer = call -> "{}";
    final WebSocket socket;

    RawCharger(String url) {
        this(url, null, null, null);
    }

    /** Over wss:// with this TLS context (client certificate, trusted server) and/or with HTTP Basic credentials. */
    RawCharger(String url, javax.net.ssl.SSLContext tls, String user, String password) {
        HttpClient.Builder client = HttpClient.newBuilder();
        if (tls != null) {
            client.sslContext(tls);
        }
        WebSocket.Builder builder = client.build().newWebSocketBuilder().subprotocols("ocpp1.6")
                .connectTimeout(Duration.ofSeconds(5));
        if (user != null) {
            builder.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                    (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        this.socket = builder.buildAsync(URI.create(url), this).join();
    }

    static RawCharger booted(TestSite site, String id) throws Exception {
        RawCharger charger = new RawCharger(site.url("/ocpp/" + id));
        String answer = charger.call("BootNotification", "{\"chargePointVendor\":\"Raw\",\"chargePointModel\":\"Test\"}");
        if (!answer.contains("Accepted")) {
            throw new AssertionError(answer);
        }
        return charger;
    }

    void send(String text) {
        send(socket, text);
    }

    /** From the listener, with the socket it was given: a CALL may come before the constructor has the socket. */
    private synchronized void send(WebSocket to, String text) {
        to.sendText(text, true).join();
    }

    /** Sends a CALL and returns the answer frame (CALLRESULT or CALLERROR) as text. */
    String call(String action, String payload) throws InterruptedException {
        String id = "c" + ids.incrementAndGet();
        send("[2,\"" + id + "\",\"" + action + "\"," + payload + "]");
        return answerTo(id);
    }

    String answerTo(String id) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String frame = received.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null && frame.contains("\"" + id + "\"")) {
                return frame;
            }
        }
        throw new AssertionError("no answer to " + id);
    }

    /** The next CALL the server sent us (already answered by {@link #answerer}). */
    JsonArray nextServerCall(String action) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String frame = serverCalls.poll(100, TimeUnit.MILLISECONDS);
            if (frame != null) {
                JsonArray call = JsonParser.parseString(frame).getAsJsonArray();
                if (call.get(2).getAsString().equals(action)) {
                    return call;
                }
            }
        }
        throw new AssertionError("the server sent no " + action);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String frame = partial.toString();
            partial.setLength(0);
            if (frame.startsWith("[2,")) {
                serverCalls.add(frame);
                JsonArray call = JsonParser.parseString(frame).getAsJsonArray();
                String payload = answerer.apply(call);
                if (payload != null) {
                    try {
                        send(webSocket, "[3," + call.get(1) + "," + payload + "]");
                    } catch (java.util.concurrent.CompletionException closed) {
                        // the server closed the connection meanwhile; its close code tells the test
                    }
                }
            } else {
                received.add(frame);
            }
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closeCode.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closeCode.completeExceptionally(error);
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
        webSocket.request(1);
        return WebSocket.Listener.super.onPing(webSocket, message);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
