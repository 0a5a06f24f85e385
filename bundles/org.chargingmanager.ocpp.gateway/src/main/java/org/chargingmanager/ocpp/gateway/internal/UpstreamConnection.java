package org.chargingmanager.ocpp.gateway.internal;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * The WebSocket to the backend (JDK {@code java.net.http}, subprotocol {@code ocpp1.6}, HTTP
 * Basic auth, TLS 1.2+): one attempt per {@link #connect()}; what arrives is handed to the
 * {@link Listener} on the gateway's own thread (the executor), one frame at a time. Frames
 * longer than {@link #MAX_FRAME_CHARS} are not kept: the listener gets their beginning only.
 */
final class UpstreamConnection {

    static final String SUBPROTOCOL = "ocpp1.6";
    static final int MAX_FRAME_CHARS = 256 * 1024;
    private static final int KEEP_OF_OVERSIZED = 200;

    interface Listener {
        void opened(UpstreamConnection connection);

        void text(UpstreamConnection connection, String frame);

        void oversized(UpstreamConnection connection, String beginning);

        void pong(UpstreamConnection connection);

        void closed(UpstreamConnection connection, String reason);
    }

    private final HttpClient client;
    private final GatewaySettings settings;
    private final Executor executor;
    private final Listener listener;
    private final Object sendLock = new Object();
    private volatile WebSocket webSocket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private volatile boolean closed;

    UpstreamConnection(HttpClient client, GatewaySettings settings, Executor executor, Listener listener) {
        this.client = client;
        this.settings = settings;
        this.executor = executor;
        this.listener = listener;
    }

    /** Opens the WebSocket; the future fails with the reason when the backend refuses or is unreachable. */
    CompletableFuture<WebSocket> connect() {
        WebSocket.Builder builder = client.newWebSocketBuilder().subprotocols(SUBPROTOCOL)
                .connectTimeout(Duration.ofSeconds(20));
        String authorization = settings.authorizationHeader();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.buildAsync(settings.connectUri(), new Receiver()).thenApply(socket -> {
            webSocket = socket;
            return socket;
        });
    }

    /** Sends a text frame after the ones before it. */
    void send(String text) {
        WebSocket socket = webSocket;
        if (socket == null || closed) {
            return;
        }
        synchronized (sendLock) {
            lastSend = lastSend.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> socket.sendText(text, true));
        }
    }

    void ping() {
        WebSocket socket = webSocket;
        if (socket == null || closed) {
            return;
        }
        synchronized (sendLock) {
            lastSend = lastSend.handle((ignored, failure) -> null)
                    .thenCompose(ignored -> socket.sendPing(ByteBuffer.allocate(0)));
        }
    }

    /** Closes (normal closure) and ends the TCP connection shortly after. */
    void close(String reason) {
        closed = true;
        WebSocket socket = webSocket;
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, reason).whenComplete((done, failure) -> socket.abort());
        }
    }

    /** Ends the connection at once, e.g. when the backend stopped answering. */
    void abort() {
        closed = true;
        WebSocket socket = webSocket;
        if (socket != null) {
            socket.abort();
        }
    }

    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder frame = new StringBuilder();
        private boolean oversized;
        private boolean ended;

        @Override
        public void onOpen(WebSocket socket) {
            webSocket = socket;
            executor.execute(() -> listener.opened(UpstreamConnection.this));
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            if (!oversized) {
                frame.append(data);
                if (frame.length() > MAX_FRAME_CHARS) {
                    oversized = true;
                    frame.setLength(KEEP_OF_OVERSIZED);
                }
            }
            if (last) {
                String text = frame.toString();
                boolean tooLong = oversized;
                frame.setLength(0);
                oversized = false;
                executor.execute(() -> {
                    if (tooLong) {
                        listener.oversized(UpstreamConnection.this, text);
                    } else {
                        listener.text(UpstreamConnection.this, text);
                    }
                });
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket socket, ByteBuffer data, boolean last) {
            if (last) {
                executor.execute(() -> listener.oversized(UpstreamConnection.this, "binary frame"));
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket socket, ByteBuffer message) {
            executor.execute(() -> listener.pong(UpstreamConnection.this));
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
            end("closed by the backend (" + statusCode + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            end("connection error: " + error);
        }

        private void end(String reason) {
            if (ended) {
                return;
            }
            ended = true;
            closed = true;
            executor.execute(() -> listener.closed(UpstreamConnection.this, reason));
        }
    }
}
