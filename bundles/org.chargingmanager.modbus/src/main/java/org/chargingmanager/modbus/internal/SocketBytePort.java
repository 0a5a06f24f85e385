package org.chargingmanager.modbus.internal;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;

/** A TCP connection to a transparent serial-to-Ethernet converter. */
final class SocketBytePort implements BytePort {

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    SocketBytePort(String host, int port) {
        this.host = host;
        this.port = port;
    }

    @Override
    public void open(int timeoutMillis) throws IOException {
        close();
        Socket s = new Socket();
        try {
            s.connect(new InetSocketAddress(host, port), timeoutMillis);
            s.setTcpNoDelay(true);
            in = new BufferedInputStream(s.getInputStream());
            out = s.getOutputStream();
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    @Override
    public boolean isOpen() {
        return socket != null && !socket.isClosed();
    }

    @Override
    public void write(byte[] frame) throws IOException {
        out.write(frame);
        out.flush();
    }

    @Override
    public int read(int timeoutMillis) throws IOException {
        socket.setSoTimeout(Math.max(1, timeoutMillis));
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the converter closed the connection");
        }
        return b;
    }

    @Override
    public void discardInput() throws IOException {
        int waiting;
        while ((waiting = in.available()) > 0) {
            in.skip(waiting);
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
