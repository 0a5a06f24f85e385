package org.chargingmanager.wallbox.alfen.internal;

import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.modbus.ModbusEndpoint;

/**
 * A checked {@link AlfenWallboxConfig}.
 *
 * @param evseId              the charging point's ID
 * @param name                shown to users
 * @param endpoint            the box's Modbus TCP address
 * @param unitId              the socket: 1 or 2
 * @param phases              1 or 3, as wired
 * @param phaseSwitching      whether the load manager may switch phases
 * @param phaseRotation       how its phases sit on the grid's
 * @param minCurrentMilliamps below it a limit pauses
 * @param maxCurrentMilliamps the most it is allowed
 * @param validityTime        how long the box keeps a written max current
 * @param pollInterval        between two reads
 * @param timeout             per request
 */
record AlfenSettings(String evseId, String name, ModbusEndpoint endpoint, int unitId, int phases,
        boolean phaseSwitching, PhaseRotation phaseRotation, int minCurrentMilliamps, int maxCurrentMilliamps,
        Duration validityTime, Duration pollInterval, Duration timeout) {

    AlfenSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(phaseRotation, "phaseRotation");
        if (evseId == null || evseId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        if (unitId != 1 && unitId != 2) {
            throw new IllegalArgumentException("unitId (socket) must be 1 or 2, not " + unitId);
        }
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("phases must be 1 or 3, not " + phases);
        }
        if (minCurrentMilliamps < 6000 || maxCurrentMilliamps < minCurrentMilliamps || maxCurrentMilliamps > 32000) {
            throw new IllegalArgumentException("need 6 A <= minCurrentAmps <= maxCurrentAmps <= 32 A, got "
                    + minCurrentMilliamps / 1000.0 + " A and " + maxCurrentMilliamps / 1000.0 + " A");
        }
        if (validityTime.toSeconds() < 10) {
            throw new IllegalArgumentException("validityTimeSeconds must be at least 10");
        }
        if (pollInterval.toMillis() < 200 || timeout.toMillis() < 100
                || pollInterval.plus(timeout).compareTo(refreshOf(validityTime)) >= 0) {
            throw new IllegalArgumentException("pollIntervalMillis must be at least 200, timeoutMillis at least 100, "
                    + "and a poll must come well within the validity time");
        }
    }

    /** When the max current is written again though unchanged: well within the validity time (25 s of 60 s). */
    Duration refreshInterval() {
        return refreshOf(validityTime);
    }

    private static Duration refreshOf(Duration validity) {
        return validity.multipliedBy(5).dividedBy(12);
    }

    static AlfenSettings from(AlfenWallboxConfig config) {
        String host = config.host() == null ? "" : config.host().trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty: set the wallbox's IP address");
        }
        return new AlfenSettings(config.id() == null ? null : config.id().trim(), config.name(),
                new ModbusEndpoint.Tcp(host, config.port()), config.unitId(), config.phases(), config.phaseSwitching(),
                config.phaseRotation(), (int) Math.round(config.minCurrentAmps() * 1000),
                (int) Math.round(config.maxCurrentAmps() * 1000), Duration.ofSeconds(config.validityTimeSeconds()),
                Duration.ofMillis(config.pollIntervalMillis()), Duration.ofMillis(config.timeoutMillis()));
    }
}
