package org.chargingmanager.wallbox.keba.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.api.device.PhaseRotation;

/**
 * A checked {@link KebaWallboxConfig}.
 *
 * @param evseId                 the charging point's ID
 * @param name                   shown to users
 * @param box                    the wallbox's address and UDP port
 * @param localPort              the charging manager's UDP port (0: any free one, for tests)
 * @param phases                 1 or 3, as wired
 * @param phaseRotation          how its phases sit on the grid's
 * @param minCurrentMilliamps    below it a limit pauses
 * @param maxCurrentMilliamps    the most it is allowed, whatever the load manager asks
 * @param failsafeTimeout        0 (off) or 10..600 s
 * @param failsafeMilliamps      0 (stop) or 6000..63000 mA
 * @param pollInterval           between two requests of the same report (at least 5 s, the box's rule)
 * @param timeout                how long an answer may take
 */
record KebaSettings(String evseId, String name, InetSocketAddress box, int localPort, int phases,
        PhaseRotation phaseRotation, int minCurrentMilliamps, int maxCurrentMilliamps, Duration failsafeTimeout,
        int failsafeMilliamps, Duration pollInterval, Duration timeout) {

    KebaSettings {
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(phaseRotation, "phaseRotation");
        if (evseId == null || evseId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        if (localPort < 0 || localPort > 65535) {
            throw new IllegalArgumentException("localPort must be 0..65535, not " + localPort);
        }
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("phases must be 1 or 3, not " + phases);
        }
        if (minCurrentMilliamps < 6000 || maxCurrentMilliamps < minCurrentMilliamps || maxCurrentMilliamps > 63000) {
            throw new IllegalArgumentException("need 6 A <= minCurrentAmps <= maxCurrentAmps <= 63 A, got "
                    + minCurrentMilliamps / 1000.0 + " A and " + maxCurrentMilliamps / 1000.0 + " A");
        }
        long failsafeSeconds = failsafeTimeout.toSeconds();
        if (failsafeSeconds != 0 && (failsafeSeconds < 10 || failsafeSeconds > 600)) {
            throw new IllegalArgumentException("failsafeTimeoutSeconds must be 0 or 10..600, not " + failsafeSeconds);
        }
        if (failsafeMilliamps != 0 && (failsafeMilliamps < 6000 || failsafeMilliamps > 63000)) {
            throw new IllegalArgumentException("failsafeCurrentAmps must be 0 or 6..63 A, not "
                    + failsafeMilliamps / 1000.0);
        }
        if (pollInterval.compareTo(KebaCommandPacer.BETWEEN_REPEATS) < 0 || timeout.toMillis() < 100) {
            throw new IllegalArgumentException("pollIntervalMillis must be at least 5000 (the box's rule) and "
                    + "timeoutMillis at least 100");
        }
    }

    /** Whether the box is told to fall back by itself. */
    boolean failsafe() {
        return !failsafeTimeout.isZero();
    }

    /** The failsafe command as sent: not saved in the box's EEPROM (s = 0), so it is set again after a reboot. */
    String failsafeCommand() {
        return "failsafe " + failsafeTimeout.toSeconds() + " " + failsafeMilliamps + " 0";
    }

    /**
     * How often the current is sent again so the failsafe does not fire while the charging manager runs: a third
     * of the failsafe timeout, never more often than the box's repeat rule allows.
     */
    Duration heartbeatInterval() {
        Duration third = failsafeTimeout.dividedBy(3);
        return third.compareTo(KebaCommandPacer.BETWEEN_REPEATS) < 0 ? KebaCommandPacer.BETWEEN_REPEATS.plusMillis(500)
                : third;
    }

    /**
     * @throws IllegalArgumentException with a message for the installer when the configuration cannot work
     */
    static KebaSettings from(KebaWallboxConfig config) {
        String host = config.host() == null ? "" : config.host().trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty: set the wallbox's IP address");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("host " + host + " is not known: " + e.getMessage());
        }
        if (config.port() < 1 || config.port() > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, not " + config.port());
        }
        return new KebaSettings(config.id() == null ? null : config.id().trim(), config.name(),
                new InetSocketAddress(address, config.port()), config.localPort(), config.phases(),
                config.phaseRotation(), milliamps(config.minCurrentAmps()), milliamps(config.maxCurrentAmps()),
                Duration.ofSeconds(config.failsafeTimeoutSeconds()), milliamps(config.failsafeCurrentAmps()),
                Duration.ofMillis(config.pollIntervalMillis()), Duration.ofMillis(config.timeoutMillis()));
    }

    private static int milliamps(double amps) {
        return (int) Math.round(amps * 1000);
    }
}
