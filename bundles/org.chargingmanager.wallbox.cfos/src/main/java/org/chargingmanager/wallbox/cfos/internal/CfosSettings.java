package org.chargingmanager.wallbox.cfos.internal;

import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.modbus.ModbusEndpoint;

/**
 * A checked {@link CfosWallboxConfig}.
 *
 * @param evseId              the charging point's ID
 * @param name                shown to users
 * @param endpoint            where the wallbox's Modbus line is
 * @param unitId              its unit ID
 * @param phases              1 or 3, as wired
 * @param phaseRotation       how its phases sit on the grid's
 * @param minCurrentMilliamps below it a limit pauses
 * @param maxCurrentMilliamps the most it is allowed, whatever the load manager asks
 * @param pollInterval        between two reads
 * @param timeout             per request
 */
record CfosSettings(String evseId, String name, ModbusEndpoint endpoint, int unitId, int phases,
        PhaseRotation phaseRotation, int minCurrentMilliamps, int maxCurrentMilliamps, Duration pollInterval,
        Duration timeout) {

    CfosSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(phaseRotation, "phaseRotation");
        if (evseId == null || evseId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unitId must be 0..255, not " + unitId);
        }
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("phases must be 1 or 3, not " + phases);
        }
        if (minCurrentMilliamps < 6000 || maxCurrentMilliamps < minCurrentMilliamps || maxCurrentMilliamps > 32000) {
            throw new IllegalArgumentException("need 6 A <= minCurrentAmps <= maxCurrentAmps <= 32 A, got "
                    + minCurrentMilliamps / 1000.0 + " A and " + maxCurrentMilliamps / 1000.0 + " A");
        }
        if (pollInterval.toMillis() < 200 || timeout.toMillis() < 100) {
            throw new IllegalArgumentException("pollIntervalMillis must be at least 200 and timeoutMillis at least 100");
        }
    }

    /**
     * @throws IllegalArgumentException with a message for the installer when the configuration cannot work
     */
    static CfosSettings from(CfosWallboxConfig config) {
        ModbusEndpoint endpoint;
        String serialPort = config.serialPort() == null ? "" : config.serialPort().trim();
        String host = config.host() == null ? "" : config.host().trim();
        if (!serialPort.isEmpty()) {
            endpoint = new ModbusEndpoint.Serial(serialPort, config.baudRate(), 8, config.parity(), config.stopBits(),
                    ModbusEndpoint.SerialFraming.RTU);
        } else if (!host.isEmpty()) {
            endpoint = new ModbusEndpoint.Tcp(host, config.port());
        } else {
            throw new IllegalArgumentException("set either host (Modbus TCP) or serialPort (Modbus RTU)");
        }
        return new CfosSettings(config.id() == null ? null : config.id().trim(), config.name(), endpoint,
                config.unitId(), config.phases(), config.phaseRotation(),
                (int) Math.round(config.minCurrentAmps() * 1000), (int) Math.round(config.maxCurrentAmps() * 1000),
                Duration.ofMillis(config.pollIntervalMillis()), Duration.ofMillis(config.timeoutMillis()));
    }
}
