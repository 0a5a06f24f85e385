package org.chargingmanager.meter.sma.internal;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.nio.ByteBuffer;
import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives the telegrams in a thread of its own: joins the multicast group on the configured interface, or, for a
 * unicast address, listens on it. Hands every energy meter telegram to the reader; other Speedwire traffic on the
 * group (inverters) is skipped.
 */
final class SmaReceiver implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmaReceiver.class);

    private final DatagramSocket socket;
    private final SmaMeterReader reader;
    private final Clock clock;
    private final Thread thread;
    private volatile boolean closed;

    SmaReceiver(SmaSettings settings, SmaMeterReader reader, Clock clock) throws IOException {
        this.reader = reader;
        this.clock = clock;
        if (settings.group().isMulticastAddress()) {
            MulticastSocket multicast = new MulticastSocket(settings.port());
            multicast.joinGroup(new InetSocketAddress(settings.group(), settings.port()), settings.networkInterface());
            socket = multicast;
        } else {
            socket = new DatagramSocket(new InetSocketAddress(settings.group(), settings.port()));
        }
        thread = new Thread(this::receive, "sma-" + settings.meterId());
        thread.setDaemon(true);
        thread.start();
    }

    int localPort() {
        return socket.getLocalPort();
    }

    private void receive() {
        byte[] buffer = new byte[1500];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (IOException e) {
                if (!closed) {
                    LOG.debug("SMA receiver: {}", e.getMessage());
                }
                continue;
            }
            try {
                reader.accept(SmaTelegramParser.parse(packet.getData(), packet.getLength()), clock.instant());
            } catch (SmaTelegramParser.NotAMeterTelegram e) {
                LOG.trace("SMA receiver: skipped a datagram from {}: {}", packet.getSocketAddress(), e.getMessage());
            } catch (SmaTelegramParser.BadTelegram e) {
                reader.bad(serialOf(packet), e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("SMA receiver: a datagram from {} could not be handled", packet.getSocketAddress(), e);
            }
        }
    }

    /** The serial at its usual place (offset 20), for telling whose telegram was bad; -1 if too short. */
    private static long serialOf(DatagramPacket packet) {
        return packet.getLength() >= 24 ? ByteBuffer.wrap(packet.getData(), 20, 4).getInt() & 0xFFFFFFFFL : -1;
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
