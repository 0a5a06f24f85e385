package org.chargingmanager.wallbox.keba.internal;

import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.modbus.ModbusEndpoint;

/**
 * A checked {@link KebaWallboxConfig} for the Modbus TCP interface.
 *
 * @param model P30 pauses with the enable register, P40 with current 0
 */
record KebaModbusSettings(String evseId, String name, ModbusEndpoint endpoint, int unitId, KebaModel model, int phases,
        PhaseRotation phaseRotation, int minCurrentMilliamps, int maxCurrentMilliamps, Duration failsafeTimeout,
        int failsafeMilliamps, Duration pollInterval, Duration timeout) {

    KebaModbusSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(phaseRotation, "phaseRotation");
        if (evseId == null || evseId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("phases must be 1 or 3, not " + phases);
        }
        if (minCurrentMilliamps < 6000 || maxCurrentMilliamps < minCurrentMilliamps || maxCurrentMilliamps > 63000) {
            throw new IllegalArgumentException("need 6 A <= minCurrentAmps <= maxCurrentAmps <= 63 A");
        }
        long failsafeSeconds = failsafeTimeout.toSeconds();
        if (failsafeSeconds != 0 && (failsafeSeconds < 10 || failsafeSeconds > 600)) {
            throw new IllegalArgumentException("failsafeTimeoutSeconds must be 0 or 10..600, not " + failsafeSeconds);
        }
        if (failsafeMilliamps != 0 && (failsafeMilliamps < 6000 || failsafeMilliamps > 63000)) {
            throw new IllegalArgumentException("failsafeCurrentAmps must be 0 or 6..63 A");
        }
        if (pollInterval.toMillis() < 500 || timeout.toMillis() < 100) {
            throw new IllegalArgumentException("pollIntervalMillis must be at least 500 and timeoutMillis at least 100");
        }
    }

    boolean failsafe() {
        return !failsafeTimeout.isZero();
    }

    /** The failsafe timeout is written again this often, so it never runs out while the charging manager runs. */
    Duration heartbeatInterval() {
        return failsafeTimeout.dividedBy(3);
    }

    static KebaModbusSettings from(KebaWallboxConfig config) {
        String host = config.host() == null ? "" : config.host().trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty: set the wallbox's IP address");
        }
        int port = config.port() == 7090 ? 502 : config.port();
        return new KebaModbusSettings(config.id() == null ? null : config.id().trim(), config.name(),
                new ModbusEndpoint.Tcp(host, port), config.unitId(), config.model(), config.phases(),
                config.phaseRotation(), (int) Math.round(config.minCurrentAmps() * 1000),
                (int) Math.round(config.maxCurrentAmps() * 1000), Duration.ofSeconds(config.failsafeTimeoutSeconds()),
                (int) Math.round(config.failsafeCurrentAmps() * 1000), Duration.ofMillis(Math.min(
                        config.pollIntervalMillis(), 2000)), Duration.ofMillis(config.timeoutMillis()));
    }
}
