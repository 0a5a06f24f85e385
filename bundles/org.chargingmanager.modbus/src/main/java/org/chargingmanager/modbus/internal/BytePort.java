package org.chargingmanager.modbus.internal;

import java.io.IOException;

/** A byte stream to a serial line: a local serial port, or a TCP connection to a serial-to-Ethernet converter. */
interface BytePort {

    void open(int timeoutMillis) throws IOException;

    boolean isOpen();

    void write(byte[] frame) throws IOException;

    /**
     * The next byte (0..255), waiting at most {@code timeoutMillis}.
     *
     * @throws java.net.SocketTimeoutException if nothing arrived in time
     * @throws java.io.EOFException if the other side closed the connection
     */
    int read(int timeoutMillis) throws IOException;

    /** Drops what has arrived but was not read (a late answer to an earlier request). */
    void discardInput() throws IOException;

    void close();
}
