package org.chargingmanager.benchmarks.ocpp;

import java.io.EOFException;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small WebSocket client (RFC 6455, ws:// only) on {@code java.nio} for the OCPP load generator:
 * one selector thread (or a few) serves every connection, so thousands of simulated charge points
 * cost the generator little CPU and memory (the JDK's {@code java.net.http} WebSocket costs about
 * 2 ms of CPU per handshake and a lot per message, which on a small machine is taken from the
 * server being measured).
 *
 * <p>What it does: non-blocking connect with a timeout (TCP connect and handshake together), the
 * HTTP/1.1 upgrade with a random {@code Sec-WebSocket-Key}, version 13 and one subprotocol, and checks
 * the {@code 101} status and {@code Sec-WebSocket-Accept}; masked text frames to the server of any
 * length; from the server unmasked text frames (also fragmented), ping (answered with a pong of the
 * same payload), pong (ignored) and close (answered, then the channel is closed and
 * {@link Listener#onClose} called). A lost connection (end of stream without a close frame, an I/O
 * error, a protocol error) is reported once through {@link Listener#onError}. Binary messages and
 * extensions are not supported (binary messages are dropped).
 *
 * <p>{@link RawWebSocket#sendText} may be called from any thread: the frame is encoded and masked by
 * the caller, queued on the connection and written by its selector thread ({@code OP_WRITE} only while
 * something is queued that the socket did not take). Listener methods run on the selector thread: they
 * must be short and must not block.
 */
public final class RawWebSocketClient implements AutoCloseable {

    /** Events of one connection, called on its selector thread. */
    public interface Listener {

        /** The handshake succeeded; called before the connect future completes. */
        default void onOpen(RawWebSocket webSocket) {
        }

        /** A whole text message (fragments joined). */
        void onText(RawWebSocket webSocket, String text);

        /** The server closed the connection with a close frame (already answered); the last event. */
        void onClose(RawWebSocket webSocket, int code, String reason);

        /** The connection was lost or broke the protocol; the last event. */
        void onError(RawWebSocket webSocket, Throwable error);
    }

    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** Longest message (also a fragmented one) accepted from the server. */
    private static final int MAX_MESSAGE = 16 << 20;
    /** Longest HTTP response head of the handshake. */
    private static final int MAX_HANDSHAKE = 16 << 10;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Loop[] loops;
    private final AtomicInteger nextLoop = new AtomicInteger();

    /** A client with {@code threads} selector threads named {@code name-N} (daemon threads). */
    public RawWebSocketClient(String name, int threads) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1");
        }
        loops = new Loop[threads];
        for (int i = 0; i < threads; i++) {
            loops[i] = new Loop(name + "-" + (i + 1));
        }
        for (Loop loop : loops) {
            loop.thread.start();
        }
    }

    /**
     * Opens a WebSocket to a {@code ws://} URI asking for the given subprotocol (null: none). The
     * future completes on the selector thread after {@link Listener#onOpen}, or fails (refused,
     * timed out, handshake rejected); a failed connect calls no listener method.
     */
    public CompletableFuture<RawWebSocket> connect(URI uri, String subprotocol, Duration timeout, Listener listener) {
        if (!"ws".equalsIgnoreCase(uri.getScheme())) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("only ws:// is supported: " + uri));
        }
        Loop loop = loops[Math.floorMod(nextLoop.getAndIncrement(), loops.length)];
        RawWebSocket webSocket = new RawWebSocket(loop, uri, subprotocol, listener,
                System.nanoTime() + timeout.toNanos());
        loop.execute(webSocket::start);
        return webSocket.opening;
    }

    /** Stops the selector threads and closes every connection without a close frame or listener call. */
    @Override
    public void close() {
        for (Loop loop : loops) {
            loop.running = false;
            loop.selector.wakeup();
        }
        for (Loop loop : loops) {
            try {
                loop.thread.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---------------------------------------------------------------- one selector thread

    private static final class Loop implements Runnable {
        private final Selector selector;
        private final Thread thread;
        private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        /** Connections with frames queued since their last flush. */
        private final ConcurrentLinkedQueue<RawWebSocket> dirty = new ConcurrentLinkedQueue<>();
        /** Set once a wakeup is on its way: at most one {@code selector.wakeup()} per select. */
        private final AtomicBoolean wakeupPending = new AtomicBoolean();
        /** Connections not open yet: checked against their deadline twice a second. */
        private final Set<RawWebSocket> connecting = new HashSet<>();
        private final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024);
        private final ByteBuffer[] gather = new ByteBuffer[32];
        private final MessageDigest sha1;
        private volatile boolean running = true;

        Loop(String name) throws IOException {
            selector = Selector.open();
            thread = new Thread(this, name);
            thread.setDaemon(true);
            try {
                sha1 = MessageDigest.getInstance("SHA-1");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        void execute(Runnable task) {
            tasks.add(task);
            wakeup();
        }

        void flushLater(RawWebSocket webSocket) {
            dirty.add(webSocket);
            wakeup();
        }

        private void wakeup() {
            if (Thread.currentThread() != thread && !wakeupPending.getAndSet(true)) {
                selector.wakeup();
            }
        }

        @Override
        public void run() {
            long nextTimeoutCheck = 0;
            try {
                while (running) {
                    // cleared before the queues are looked at: whatever is queued after this wakes the next select
                    wakeupPending.set(false);
                    Runnable task;
                    while ((task = tasks.poll()) != null) {
                        task.run();
                    }
                    RawWebSocket webSocket;
                    while ((webSocket = dirty.poll()) != null) {
                        webSocket.flushScheduled.set(false);
                        webSocket.flushSafely();
                    }
                    long timeout = 0; // none
                    if (!connecting.isEmpty()) {
                        long now = System.nanoTime();
                        if (now - nextTimeoutCheck >= 0) {
                            checkTimeouts(now);
                            nextTimeoutCheck = now + TimeUnit.MILLISECONDS.toNanos(500);
                        }
                        timeout = 500;
                    }
                    selector.select(this::ready, timeout);
                }
            } catch (IOException | RuntimeException e) {
                System.err.println(thread.getName() + " stopped: " + e);
                e.printStackTrace();
            } finally {
                for (SelectionKey key : selector.keys()) {
                    closeQuietly((SocketChannel) key.channel());
                }
                for (RawWebSocket webSocket : List.copyOf(connecting)) {
                    webSocket.opening.completeExceptionally(new IOException("client closed"));
                }
                try {
                    selector.close();
                } catch (IOException ignored) {
                    // stopping
                }
            }
        }

        private void ready(SelectionKey key) {
            RawWebSocket webSocket = (RawWebSocket) key.attachment();
            try {
                int ready = key.readyOps();
                if ((ready & SelectionKey.OP_CONNECT) != 0) {
                    webSocket.finishConnect();
                }
                if (key.isValid() && (ready & SelectionKey.OP_WRITE) != 0) {
                    webSocket.flush();
                }
                if (key.isValid() && (ready & SelectionKey.OP_READ) != 0) {
                    webSocket.read();
                }
            } catch (IOException | RuntimeException e) {
                webSocket.fail(e);
            }
        }

        private void checkTimeouts(long now) {
            List<RawWebSocket> late = null;
            for (RawWebSocket webSocket : connecting) {
                if (now - webSocket.deadline > 0) {
                    (late == null ? late = new ArrayList<>() : late).add(webSocket);
                }
            }
            if (late != null) {
                for (RawWebSocket webSocket : late) {
                    webSocket.fail(new SocketTimeoutException("WebSocket connect to " + webSocket.uri + " timed out"));
                }
            }
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    // ---------------------------------------------------------------- one connection

    /** One WebSocket connection; {@link #sendText} and {@link #sendClose} from any thread. */
    public static final class RawWebSocket {
        private static final int CONNECTING = 0;
        private static final int HANDSHAKE = 1;
        private static final int OPEN = 2;
        private static final int DONE = 3;

        private final Loop loop;
        private final URI uri;
        private final String subprotocol;
        private final Listener listener;
        private final long deadline;
        final CompletableFuture<RawWebSocket> opening = new CompletableFuture<>();
        /** Complete frames waiting for the selector thread. */
        private final ConcurrentLinkedQueue<ByteBuffer> outbound = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean flushScheduled = new AtomicBoolean();
        /** No frame may be queued any more (a close frame was queued, or the connection is gone). */
        private volatile boolean outputClosed;

        // the selector thread's own
        private SocketChannel channel;
        private SelectionKey key;
        private int state = CONNECTING;
        private boolean writeInterest;
        private boolean closeWhenFlushed;
        private String key64;
        /** Received bytes not consumed yet (a partial frame or handshake); null when there are none. */
        private byte[] pending;
        private int pendingLength;
        /** The fragments of a message so far; opcode of the message being fragmented, or -1. */
        private byte[] fragments;
        private int fragmentsLength;
        private int fragmentOpcode = -1;

        private RawWebSocket(Loop loop, URI uri, String subprotocol, Listener listener, long deadline) {
            this.loop = loop;
            this.uri = uri;
            this.subprotocol = subprotocol;
            this.listener = listener;
            this.deadline = deadline;
        }

        /**
         * Queues a text message (one masked frame). False when nothing can be sent any more (a close
         * frame was sent or the connection is gone); the message is then dropped.
         */
        public boolean sendText(String text) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            return enqueue(maskedFrame(0x1, payload, payload.length), false);
        }

        /** Sends a close frame (nothing can be sent after it); the server's answer ends in {@link Listener#onClose}. */
        public void sendClose(int code, String reason) {
            enqueue(closeFrame(code, reason), true);
        }

        /** True once a close frame was sent or the connection is gone. */
        public boolean isOutputClosed() {
            return outputClosed;
        }

        public URI uri() {
            return uri;
        }

        private boolean enqueue(ByteBuffer frame, boolean last) {
            synchronized (this) { // a frame never follows the close frame
                if (outputClosed) {
                    return false;
                }
                if (last) {
                    outputClosed = true;
                }
                outbound.add(frame);
            }
            if (flushScheduled.compareAndSet(false, true)) {
                loop.flushLater(this);
            }
            return true;
        }

        // ------------------------------------------------------------ selector thread from here on

        private void start() {
            if (opening.isDone()) {
                return;
            }
            try {
                loop.connecting.add(this);
                channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                int port = uri.getPort() < 0 ? 80 : uri.getPort();
                boolean connected = channel.connect(new InetSocketAddress(uri.getHost(), port));
                key = channel.register(loop.selector, connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
                if (connected) {
                    handshake();
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }

        private void finishConnect() throws IOException {
            if (channel.finishConnect()) {
                key.interestOps(SelectionKey.OP_READ);
                handshake();
            }
        }

        private void handshake() throws IOException {
            state = HANDSHAKE;
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            key64 = Base64.getEncoder().encodeToString(nonce);
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            if (uri.getRawQuery() != null) {
                path += "?" + uri.getRawQuery();
            }
            StringBuilder request = new StringBuilder(256).append("GET ").append(path).append(" HTTP/1.1\r\nHost: ")
                    .append(uri.getHost()).append(uri.getPort() < 0 ? "" : ":" + uri.getPort())
                    .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ").append(key64)
                    .append("\r\nSec-WebSocket-Version: 13\r\n");
            if (subprotocol != null) {
                request.append("Sec-WebSocket-Protocol: ").append(subprotocol).append("\r\n");
            }
            outbound.add(ByteBuffer.wrap(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1)));
            flush();
        }

        private void flushSafely() {
            if (state == DONE && !closeWhenFlushed || state < HANDSHAKE) {
                return; // gone, or not connected yet (the handshake flushes)
            }
            try {
                flush();
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }

        /** Writes what is queued; OP_WRITE while the socket does not take all of it. */
        private void flush() throws IOException {
            ByteBuffer[] gather = loop.gather;
            boolean blocked = false;
            while (!blocked) {
                int n = 0;
                for (ByteBuffer frame : outbound) {
                    gather[n++] = frame;
                    if (n == gather.length) {
                        break;
                    }
                }
                if (n == 0) {
                    break;
                }
                channel.write(gather, 0, n);
                for (int i = 0; i < n; i++) {
                    if (gather[i].hasRemaining()) {
                        blocked = true;
                        break;
                    }
                    outbound.poll();
                }
                java.util.Arrays.fill(gather, 0, n, null);
            }
            if (blocked != writeInterest) {
                writeInterest = blocked;
                key.interestOps(blocked ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ);
            }
            if (!blocked && closeWhenFlushed) {
                closeChannel();
            }
        }

        private void read() throws IOException {
            ByteBuffer buffer = loop.readBuffer;
            for (int round = 0; round < 4 && state < DONE; round++) {
                buffer.clear();
                int n = channel.read(buffer);
                if (n < 0) {
                    fail(new EOFException(state == HANDSHAKE ? "connection closed in the WebSocket handshake"
                            : "connection closed without a close frame"));
                    return;
                }
                if (n == 0) {
                    return;
                }
                received(buffer.array(), n);
                if (n < buffer.capacity()) {
                    return;
                }
            }
        }

        /** Consumes what can be consumed; the rest waits in {@link #pending} for more bytes. */
        private void received(byte[] data, int length) throws IOException {
            if (pendingLength == 0) {
                int used = consume(data, 0, length);
                if (used < length && state < DONE) {
                    keep(data, used, length - used);
                }
                return;
            }
            if (pending.length - pendingLength < length) {
                pending = java.util.Arrays.copyOf(pending, Math.max(pendingLength + length, pending.length * 2));
            }
            System.arraycopy(data, 0, pending, pendingLength, length);
            pendingLength += length;
            int used = consume(pending, 0, pendingLength);
            if (state == DONE) {
                pending = null;
                pendingLength = 0;
            } else if (used > 0) {
                System.arraycopy(pending, used, pending, 0, pendingLength - used);
                pendingLength -= used;
                if (pendingLength == 0 && pending.length > 4096) {
                    pending = null; // after a large message
                }
            }
        }

        private void keep(byte[] data, int from, int length) {
            if (pending == null || pending.length < length) {
                pending = new byte[Math.max(length, 1024)];
            }
            System.arraycopy(data, from, pending, 0, length);
            pendingLength = length;
        }

        /** The handshake answer, then frames; returns how many bytes were used. */
        private int consume(byte[] b, int offset, int length) throws IOException {
            int end = offset + length;
            int p = offset;
            if (state == HANDSHAKE) {
                int head = headEnd(b, p, end);
                if (head < 0) {
                    if (length > MAX_HANDSHAKE) {
                        throw new ProtocolException("no end of the handshake response in " + length + " bytes");
                    }
                    return 0;
                }
                String response = new String(b, p, head - p, StandardCharsets.ISO_8859_1);
                p = head + 4;
                opened(response);
                if (state != OPEN) {
                    return length;
                }
            }
            while (state == OPEN && end - p >= 2) {
                int b0 = b[p] & 0xff;
                int b1 = b[p + 1] & 0xff;
                if ((b0 & 0x70) != 0) {
                    throw new ProtocolException("reserved bits set in a frame from the server");
                }
                if ((b1 & 0x80) != 0) {
                    throw new ProtocolException("masked frame from the server");
                }
                long size = b1 & 0x7f;
                int header = 2;
                if (size == 126) {
                    if (end - p < 4) {
                        break;
                    }
                    size = ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
                    header = 4;
                } else if (size == 127) {
                    if (end - p < 10) {
                        break;
                    }
                    size = (long) LONGS.get(b, p + 2);
                    header = 10;
                }
                if (size < 0 || size > MAX_MESSAGE) {
                    throw new ProtocolException("frame of " + size + " bytes from the server");
                }
                if (end - p - header < size) {
                    break;
                }
                frame((b0 & 0x80) != 0, b0 & 0x0f, b, p + header, (int) size);
                p += header + (int) size;
            }
            return state == OPEN ? p - offset : length;
        }

        private static int headEnd(byte[] b, int from, int end) {
            for (int i = from; i + 3 < end; i++) {
                if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') {
                    return i;
                }
            }
            return -1;
        }

        /** Checks the server's 101 answer; opens, or fails the connect. */
        private void opened(String response) throws IOException {
            String[] lines = response.split("\r\n");
            String[] status = lines[0].split(" ", 3);
            if (status.length < 2 || !status[0].startsWith("HTTP/1.") || !status[1].equals("101")) {
                throw new ProtocolException("WebSocket handshake rejected: " + lines[0]);
            }
            String upgrade = null;
            String connection = null;
            String accept = null;
            String protocol = null;
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String value = lines[i].substring(colon + 1).trim();
                switch (lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT)) {
                    case "upgrade" -> upgrade = value;
                    case "connection" -> connection = value;
                    case "sec-websocket-accept" -> accept = value;
                    case "sec-websocket-protocol" -> protocol = value;
                    case "sec-websocket-extensions" -> throw new ProtocolException("extension not asked for: " + value);
                    default -> {
                        // not needed
                    }
                }
            }
            if (!"websocket".equalsIgnoreCase(upgrade)
                    || connection == null || !connection.toLowerCase(Locale.ROOT).contains("upgrade")) {
                throw new ProtocolException("not a WebSocket upgrade: Upgrade " + upgrade + ", Connection " + connection);
            }
            loop.sha1.reset();
            String expected = Base64.getEncoder().encodeToString(
                    loop.sha1.digest((key64 + ACCEPT_GUID).getBytes(StandardCharsets.ISO_8859_1)));
            if (!expected.equals(accept)) {
                throw new ProtocolException("wrong Sec-WebSocket-Accept " + accept + " (expected " + expected + ")");
            }
            if (protocol != null && !protocol.equals(subprotocol)) {
                throw new ProtocolException("subprotocol " + protocol + " not asked for");
            }
            state = OPEN;
            key64 = null;
            loop.connecting.remove(this);
            try {
                listener.onOpen(this);
            } catch (RuntimeException e) {
                listenerFailed("onOpen", e);
            }
            opening.complete(this);
        }

        private void frame(boolean fin, int opcode, byte[] b, int offset, int length) throws IOException {
            switch (opcode) {
                case 0x1, 0x2 -> {
                    if (fragmentOpcode >= 0) {
                        throw new ProtocolException("new message inside a fragmented one");
                    }
                    if (!fin) {
                        fragmentOpcode = opcode;
                        fragmentsLength = 0;
                        appendFragment(b, offset, length);
                    } else if (opcode == 0x1) {
                        text(new String(b, offset, length, StandardCharsets.UTF_8));
                    }
                }
                case 0x0 -> {
                    if (fragmentOpcode < 0) {
                        throw new ProtocolException("continuation frame without a message");
                    }
                    appendFragment(b, offset, length);
                    if (fin) {
                        int opcodeDone = fragmentOpcode;
                        String text = opcodeDone == 0x1 ? new String(fragments, 0, fragmentsLength, StandardCharsets.UTF_8) : null;
                        fragmentOpcode = -1;
                        fragmentsLength = 0;
                        if (fragments.length > 64 * 1024) {
                            fragments = null;
                        }
                        if (text != null) {
                            text(text);
                        }
                    }
                }
                case 0x8 -> {
                    control(fin, length);
                    if (length == 1) {
                        throw new ProtocolException("close frame with a one-byte payload");
                    }
                    int code = length >= 2 ? ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff) : 1005;
                    String reason = length > 2 ? new String(b, offset + 2, length - 2, StandardCharsets.UTF_8) : "";
                    closed(code, reason);
                }
                case 0x9 -> {
                    control(fin, length);
                    byte[] payload = java.util.Arrays.copyOfRange(b, offset, offset + length);
                    enqueue(maskedFrame(0xA, payload, length), false); // the flush comes at the top of the loop
                }
                case 0xA -> control(fin, length);
                default -> throw new ProtocolException("unknown opcode " + opcode);
            }
        }

        private static void control(boolean fin, int length) throws ProtocolException {
            if (!fin || length > 125) {
                throw new ProtocolException("fragmented or long control frame");
            }
        }

        private void appendFragment(byte[] b, int offset, int length) throws ProtocolException {
            if ((long) fragmentsLength + length > MAX_MESSAGE) {
                throw new ProtocolException("fragmented message longer than " + MAX_MESSAGE + " bytes");
            }
            if (fragments == null || fragments.length - fragmentsLength < length) {
                fragments = java.util.Arrays.copyOf(fragments == null ? new byte[0] : fragments,
                        Math.max(fragmentsLength + length, fragments == null ? 1024 : fragments.length * 2));
            }
            System.arraycopy(b, offset, fragments, fragmentsLength, length);
            fragmentsLength += length;
        }

        private void text(String text) {
            try {
                listener.onText(this, text);
            } catch (RuntimeException e) {
                listenerFailed("onText", e);
            }
        }

        /** The server's close frame: answered (unless it answers ours), the channel closed once that is written. */
        private void closed(int code, String reason) throws IOException {
            state = DONE;
            boolean answer;
            synchronized (this) {
                answer = !outputClosed;
                if (answer) {
                    outputClosed = true;
                    outbound.add(closeFrame(code == 1005 ? -1 : code, null));
                }
            }
            if (answer) {
                closeWhenFlushed = true;
                flush();
            } else {
                closeChannel();
            }
            try {
                listener.onClose(this, code, reason);
            } catch (RuntimeException e) {
                listenerFailed("onClose", e);
            }
        }

        /** The end of this connection: a failed connect, or a lost or broken one (onError once). */
        private void fail(Throwable error) {
            outputClosed = true;
            closeWhenFlushed = false;
            closeChannel();
            int was = state;
            state = DONE;
            if (was < OPEN) {
                loop.connecting.remove(this);
                opening.completeExceptionally(error);
            } else if (was == OPEN) {
                try {
                    listener.onError(this, error);
                } catch (RuntimeException e) {
                    listenerFailed("onError", e);
                }
            }
        }

        private void closeChannel() {
            closeWhenFlushed = false;
            pending = null;
            pendingLength = 0;
            fragments = null;
            outbound.clear();
            if (channel != null) {
                closeQuietly(channel); // also cancels the key
            }
        }

        private void listenerFailed(String method, RuntimeException e) {
            System.err.println("WebSocket listener " + method + " for " + uri + " failed: " + e);
            e.printStackTrace();
        }
    }

    // ---------------------------------------------------------------- frames to the server

    /** A close frame with a code (none if negative) and an optional reason (cut to fit 125 bytes). */
    private static ByteBuffer closeFrame(int code, String reason) {
        if (code < 0) {
            return maskedFrame(0x8, new byte[0], 0);
        }
        byte[] text = reason == null ? new byte[0] : reason.getBytes(StandardCharsets.UTF_8);
        int length = Math.min(text.length, 123);
        byte[] payload = new byte[2 + length];
        payload[0] = (byte) (code >>> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, length);
        return maskedFrame(0x8, payload, payload.length);
    }

    /** One final, masked frame (RFC 6455 5.2/5.3) of the first {@code length} bytes of the payload. */
    static ByteBuffer maskedFrame(int opcode, byte[] payload, int length) {
        int header = length < 126 ? 2 : length < 65536 ? 4 : 10;
        byte[] frame = new byte[header + 4 + length];
        frame[0] = (byte) (0x80 | opcode);
        if (length < 126) {
            frame[1] = (byte) (0x80 | length);
        } else if (length < 65536) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            LONGS.set(frame, 2, (long) length);
        }
        int mask = ThreadLocalRandom.current().nextInt();
        frame[header] = (byte) (mask >>> 24);
        frame[header + 1] = (byte) (mask >>> 16);
        frame[header + 2] = (byte) (mask >>> 8);
        frame[header + 3] = (byte) mask;
        int start = header + 4;
        long mask8 = ((long) mask << 32) | (mask & 0xFFFFFFFFL);
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            LONGS.set(frame, start + i, (long) LONGS.get(payload, i) ^ mask8);
        }
        for (; i < length; i++) {
            frame[start + i] = (byte) (payload[i] ^ frame[header + (i & 3)]);
        }
        return ByteBuffer.wrap(frame);
    }
}
