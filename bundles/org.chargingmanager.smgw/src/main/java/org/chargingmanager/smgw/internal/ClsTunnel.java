package org.chargingmanager.smgw.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.chargingmanager.api.grid.ClsProxy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP {@code CONNECT} proxy on loopback that sends every connection through the SMGW's CLS proxy: either TLS
 * with our client certificate, the target named by SNI (the form commercial CLS adapters use), or SOCKS5
 * ({@code CONNECT} by domain name, no authentication). Only processes on this machine can use it.
 */
final class ClsTunnel implements ClsProxy, AutoCloseable {

    enum Mode { TLS, SOCKS5 }

    private static final Logger LOG = LoggerFactory.getLogger(ClsTunnel.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;

    private final Mode mode;
    private final InetSocketAddress cls;
    private final SSLContext tls;
    private final ServerSocket server;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running = true;

    /**
     * @param cls the SMGW's CLS proxy on the home network
     * @param tls our key and the SMGW's trusted certificates (mode TLS)
     */
    ClsTunnel(Mode mode, InetSocketAddress cls, SSLContext tls) throws IOException {
        this.mode = mode;
        this.cls = cls;
        this.tls = tls;
        this.server = new ServerSocket(0, 16, InetAddress.getLoopbackAddress());
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "chargingmanager-cls-tunnel");
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptLoop);
        LOG.info("CLS proxy: OCPP through the SMGW via {} {} (local CONNECT proxy {})", mode, cls, address());
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket client = server.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (running) {
                    LOG.warn("CLS proxy: accept failed: {}", e.getMessage());
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try {
            client.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            InputStream in = client.getInputStream();
            String requestLine = readHead(in);
            String[] parts = requestLine == null ? new String[0] : requestLine.split(" ");
            if (parts.length != 3 || !parts[0].equals("CONNECT")) {
                answer(client, "405 Method Not Allowed");
                return;
            }
            int colon = parts[1].lastIndexOf(':');
            String host = colon < 0 ? parts[1] : parts[1].substring(0, colon);
            int port;
            try {
                port = colon < 0 ? 443 : Integer.parseInt(parts[1].substring(colon + 1));
            } catch (NumberFormatException e) {
                answer(client, "400 Bad Request");
                return;
            }
            try {
                upstream = mode == Mode.TLS ? viaTls(host) : viaSocks5(host, port);
            } catch (IOException e) {
                LOG.warn("CLS proxy: cannot reach {}:{} through the SMGW {} ({}): {}", host, port, cls, mode,
                        e.getMessage());
                answer(client, "502 Bad Gateway");
                return;
            }
            open.add(upstream);
            client.setSoTimeout(0);
            answer(client, "200 Connection established");
            LOG.debug("CLS proxy: tunnel to {}:{} open", host, port);
            Socket up = upstream;
            threads.execute(() -> pipe(up, client));
            pipe(client, up);
        } catch (IOException e) {
            LOG.debug("CLS proxy: {}", e.getMessage());
        } finally {
            close(client);
            if (upstream != null) {
                close(upstream);
            }
        }
    }

    private Socket viaTls(String host) throws IOException {
        SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket();
        try {
            socket.connect(cls, CONNECT_TIMEOUT_MILLIS);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setServerNames(List.of(new SNIHostName(host)));
            parameters.setProtocols(new String[] { "TLSv1.3", "TLSv1.2" });
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            return socket;
        } catch (IOException | IllegalArgumentException e) {
            close(socket);
            throw new IOException("TLS to the CLS proxy: " + e.getMessage(), e);
        }
    }

    private Socket viaSocks5(String host, int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(cls, CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            out.write(new byte[] { 5, 1, 0 });
            out.flush();
            if (in.readUnsignedByte() != 5 || in.readUnsignedByte() != 0) {
                throw new IOException("the SOCKS5 proxy wants an authentication method we do not offer");
            }
            byte[] name = host.getBytes(StandardCharsets.US_ASCII);
            if (name.length > 255) {
                throw new IOException("host name too long for SOCKS5");
            }
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(new byte[] { 5, 1, 0, 3, (byte) name.length });
            request.write(name);
            request.write(port >> 8);
            request.write(port);
            out.write(request.toByteArray());
            out.flush();
            int version = in.readUnsignedByte();
            int reply = in.readUnsignedByte();
            in.readUnsignedByte();
            int type = in.readUnsignedByte();
            int skip = type == 1 ? 4 : type == 4 ? 16 : type == 3 ? in.readUnsignedByte() : -1;
            if (version != 5 || skip < 0) {
                throw new IOException("not a SOCKS5 answer");
            }
            in.readFully(new byte[skip + 2]);
            if (reply != 0) {
                throw new IOException("SOCKS5 CONNECT refused with reply code " + reply);
            }
            socket.setSoTimeout(0);
            return socket;
        } catch (IOException e) {
            close(socket);
            throw e;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (head.size() < 8192) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            byte[] bytes = head.toByteArray();
            int n = bytes.length;
            if (n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n') {
                String text = new String(bytes, StandardCharsets.ISO_8859_1);
                return text.substring(0, text.indexOf("\r\n"));
            }
        }
        return null;
    }

    private static void answer(Socket client, String status) throws IOException {
        OutputStream out = client.getOutputStream();
        out.write(("HTTP/1.1 " + status + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // one side hung up
        } finally {
            close(from);
            close(to);
        }
    }

    private void close(Socket socket) {
        open.remove(socket);
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
        open.forEach(this::close);
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
