package org.chargingmanager.smgw.internal;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTPS listener that requires a client certificate signed by (or equal to) one of the trusted certificates:
 * a peer without one, with another one or offering TLS below 1.2 is refused at the handshake and never reaches
 * the HTTP layer. HTTP/1.1 with keep-alive, requests with {@code Content-Length} of at most 64 KiB.
 */
final class MtlsListener implements AutoCloseable {

    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;
    private static final int MAX_CONNECTIONS = 16;
    private static final int IDLE_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(MtlsListener.class);

    private final SSLServerSocket server;
    private final Function<HttpRequest, HttpResponse> handler;
    private final ExecutorService threads;
    private final Semaphore slots = new Semaphore(MAX_CONNECTIONS);
    private final Set<java.net.Socket> open = ConcurrentHashMap.newKeySet();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    MtlsListener(SSLContext context, InetAddress bind, int port, Function<HttpRequest, HttpResponse> handler)
            throws IOException {
        this.handler = handler;
        this.server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(bind, port), 16);
        List<String> supported = Arrays.asList(server.getSupportedProtocols());
        server.setEnabledProtocols(List.of("TLSv1.3", "TLSv1.2").stream().filter(supported::contains)
                .toArray(String[]::new));
        server.setNeedClientAuth(true);
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "chargingmanager-smgw-listener");
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (running) {
            SSLSocket socket;
            try {
                socket = (SSLSocket) server.accept();
            } catch (IOException e) {
                if (running) {
                    LOG.warn("SMGW listener: accept failed: {}", e.getMessage());
                }
                continue;
            }
            if (!slots.tryAcquire()) {
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

    private void serve(SSLSocket socket) {
        InetAddress remote = socket.getInetAddress();
        String subject;
        try {
            socket.setSoTimeout(IDLE_MILLIS);
            socket.startHandshake();
            X509Certificate peer = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            subject = peer.getSubjectX500Principal().getName();
        } catch (IOException e) {
            once("handshake " + remote.getHostAddress() + " " + e.getMessage(), "SMGW listener: refused "
                    + remote.getHostAddress() + " at the TLS handshake: " + e.getMessage());
            return;
        }
        try {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (running) {
                Map<String, String> headers = new HashMap<>();
                String requestLine = readHead(in, headers);
                if (requestLine == null) {
                    return;
                }
                HttpResponse response;
                boolean keepAlive = !"close".equalsIgnoreCase(headers.get("connection"));
                String[] parts = requestLine.split(" ");
                if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
                    write(out, HttpResponse.error(400, "not an HTTP/1.1 request"), false);
                    return;
                }
                if (headers.containsKey("transfer-encoding")) {
                    write(out, HttpResponse.error(411, "send the body with Content-Length"), false);
                    return;
                }
                int length;
                try {
                    length = Integer.parseInt(headers.getOrDefault("content-length", "0").trim());
                } catch (NumberFormatException e) {
                    length = -1;
                }
                if (length < 0 || length > MAX_BODY_BYTES) {
                    write(out, HttpResponse.error(413, "the body must be at most " + MAX_BODY_BYTES + " bytes"),
                            false);
                    return;
                }
                byte[] body = in.readNBytes(length);
                if (body.length != length) {
                    return;
                }
                String target = parts[1];
                int question = target.indexOf('?');
                String path = question < 0 ? target : target.substring(0, question);
                Map<String, String> query;
                try {
                    query = question < 0 ? Map.of() : query(target.substring(question + 1));
                } catch (IllegalArgumentException e) {
                    write(out, HttpResponse.error(400, "the query is not URL-encoded: " + e.getMessage()), keepAlive);
                    continue;
                }
                try {
                    response = handler.apply(new HttpRequest(parts[0].toUpperCase(Locale.ROOT), path, query, body,
                            subject, remote));
                } catch (RuntimeException e) {
                    LOG.warn("SMGW listener: request {} {} from {} failed: {}", parts[0], path, subject, e.toString());
                    response = HttpResponse.error(500, "internal error");
                }
                write(out, response, keepAlive);
                if (!keepAlive) {
                    return;
                }
            }
        } catch (SocketTimeoutException | SocketException | SSLException closed) {
            // idle, hung up or closed by close()
        } catch (IOException e) {
            LOG.debug("SMGW listener: connection from {} ended: {}", subject, e.getMessage());
        }
    }

    /** Reads the request line and the headers (names in lower case); null at the end of the stream. */
    private static String readHead(InputStream in, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String requestLine = null;
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new IOException("header too large");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                line.reset();
                if (requestLine == null) {
                    if (text.isEmpty()) {
                        continue;
                    }
                    requestLine = text;
                } else if (text.isEmpty()) {
                    return requestLine;
                } else {
                    int colon = text.indexOf(':');
                    if (colon > 0) {
                        headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
                    }
                }
            } else {
                line.write(b);
            }
        }
    }

    static Map<String, String> query(String query) {
        Map<String, String> result = new HashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            result.putIfAbsent(name, value);
        }
        return result;
    }

    private static void write(OutputStream out, HttpResponse response, boolean keepAlive) throws IOException {
        String head = "HTTP/1.1 " + response.status() + " " + reason(response.status()) + "\r\n"
                + "Content-Type: " + response.contentType() + "\r\n"
                + "Content-Length: " + response.body().length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + (keepAlive ? "" : "Connection: close\r\n") + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(response.body());
        out.flush();
    }

    private static String reason(int status) {
        switch (status) {
        case 200: return "OK";
        case 400: return "Bad Request";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 405: return "Method Not Allowed";
        case 411: return "Length Required";
        case 413: return "Payload Too Large";
        default: return "Status";
        }
    }

    private void once(String key, String message) {
        if (reported.size() > 1000) {
            reported.clear();
        }
        if (reported.add(key)) {
            LOG.warn(message);
        }
    }

    private static void closeQuietly(java.net.Socket socket) {
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
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        open.forEach(MtlsListener::closeQuietly);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
