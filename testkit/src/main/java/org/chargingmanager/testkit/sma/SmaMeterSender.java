package org.chargingmanager.testkit.sma;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MulticastSocket;
import java.net.NetworkInterface;
import java.net.StandardSocketOptions;

/**
 * Sends SMA telegrams as a meter does: to a multicast group (on a chosen interface, loopback in tests) or, where the
 * machine has no multicast on loopback, to a unicast address.
 */
public final class SmaMeterSender implements AutoCloseable {

    private final MulticastSocket socket;
    private final InetSocketAddress target;

    private SmaMeterSender(InetSocketAddress target, NetworkInterface networkInterface) throws IOException {
        this.target = target;
        this.socket = new MulticastSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        if (networkInterface != null) {
            socket.setOption(StandardSocketOptions.IP_MULTICAST_IF, networkInterface);
            socket.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true);
        }
        socket.setTimeToLive(1);
    }

    /** @param networkInterface for a multicast target: the interface to send on; null for unicast */
    public static SmaMeterSender to(InetSocketAddress target, NetworkInterface networkInterface) {
        try {
            return new SmaMeterSender(target, networkInterface);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void send(SmaTelegram telegram) {
        send(telegram.bytes());
    }

    public void send(byte[] bytes) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, target));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
