package org.chargingmanager.ocpp.gateway.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * TLS in front of a plain backend, as a reverse proxy does it: accepts TLS 1.2/1.3 on a loopback
 * port and passes the bytes to the backend's plain port (Java-WebSocket's own TLS server stalls
 * now and then on the JDK client's handshake).
 */
final class TlsTerminator implements AutoCloseable {

    private final SSLServerSocket server;
    private final int backendPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicInteger handshakesFailed = new java.util.concurrent.atomic.AtomicInteger();

    TlsTerminator(SSLContext tls, int backendPort) throws IOException {
        this(tls, backendPort, new String[] { "TLSv1.3", "TLSv1.2" }, false);
    }

    /** @param needClientCertificate whether a client must present a certificate the context trusts */
    TlsTerminator(SSLContext tls, int backendPort, String[] protocols, boolean needClientCertificate)
            throws IOException {
        this.backendPort = backendPort;
        this.server = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 10,
                InetAddress.getLoopbackAddress());
        server.setEnabledProtocols(protocols);
        server.setNeedClientAuth(needClientCertificate);
        Thread acceptor = new Thread(this::accept, "tls-terminator");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                javax.net.ssl.SSLSocket client = (javax.net.ssl.SSLSocket) server.accept();
                try {
                    client.startHandshake();
                } catch (IOException refused) {
                    handshakesFailed.incrementAndGet();
                    closeQuietly(client);
                    continue;
                }
                Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort);
                sockets.add(client);
                sockets.add(backend);
                pump(client, backend);
                pump(backend, client);
            } catch (IOException e) {
                // closed, or a client that failed its handshake
            }
        }
    }

    private void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "tls-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        sockets.forEach(TlsTerminator::closeQuietly);
    }
}
