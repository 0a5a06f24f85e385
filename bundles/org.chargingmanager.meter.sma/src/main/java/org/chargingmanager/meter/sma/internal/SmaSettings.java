package org.chargingmanager.meter.sma.internal;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Objects;

import org.chargingmanager.api.meter.MeterRole;

/**
 * A checked {@link SmaMeterConfig}.
 *
 * @param meterId          the meter's ID
 * @param name             shown to users
 * @param role             what it measures
 * @param serialNumber     the meter's serial; 0 for the first one heard
 * @param group            the multicast group, or a unicast address of this machine
 * @param port             the UDP port
 * @param networkInterface the interface to join the group on; null for the default
 */
record SmaSettings(String meterId, String name, MeterRole role, long serialNumber, InetAddress group, int port,
        NetworkInterface networkInterface) {

    SmaSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(group, "group");
        if (meterId == null || meterId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        if (serialNumber < 0 || serialNumber > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("serialNumber must be 0..4294967295, not " + serialNumber);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, not " + port);
        }
    }

    static SmaSettings from(SmaMeterConfig config) {
        InetAddress group;
        try {
            group = InetAddress.getByName(config.multicastGroup().trim());
        } catch (UnknownHostException | RuntimeException e) {
            throw new IllegalArgumentException("multicastGroup " + config.multicastGroup() + " is not an address");
        }
        NetworkInterface networkInterface = null;
        String name = config.networkInterface() == null ? "" : config.networkInterface().trim();
        if (!name.isEmpty()) {
            try {
                networkInterface = NetworkInterface.getByName(name);
                if (networkInterface == null) {
                    networkInterface = NetworkInterface.getByInetAddress(InetAddress.getByName(name));
                }
            } catch (SocketException | UnknownHostException e) {
                networkInterface = null;
            }
            if (networkInterface == null) {
                throw new IllegalArgumentException("networkInterface " + name + " is not an interface of this machine");
            }
        }
        return new SmaSettings(config.id() == null ? null : config.id().trim(), config.name(), config.role(),
                config.serialNumber(), group, config.port(), networkInterface);
    }
}
