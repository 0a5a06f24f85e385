package org.chargingmanager.wallbox.phoenix.internal;

import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.modbus.ModbusEndpoint;

/**
 * A checked {@link PhoenixWallboxConfig}; a unit ID of 0 means the variant's default. The EV-CC-AC1-M is on a
 * serial line: a local port ({@code serialPort}) or an RS-485-to-Ethernet converter at {@code host:port} (RTU
 * frames through TCP); the others are at {@code host:port} over Modbus TCP.
 */
record PhoenixSettings(String evseId, String name, PhoenixVariant variant, ModbusEndpoint endpoint, int unitId,
        int phases, PhaseRotation phaseRotation, int minCurrentMilliamps, int maxCurrentMilliamps, Duration pollInterval,
        Duration timeout) {

    PhoenixSettings {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(phaseRotation, "phaseRotation");
        if (evseId == null || evseId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        unitId = unitId == 0 ? variant.defaultUnitId() : unitId;
        if (unitId < 1 || unitId > 255) {
            throw new IllegalArgumentException("unitId must be 1..255, not " + unitId);
        }
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("phases must be 1 or 3, not " + phases);
        }
        if (minCurrentMilliamps < 6000 || maxCurrentMilliamps < minCurrentMilliamps || maxCurrentMilliamps > 32000) {
            throw new IllegalArgumentException("need 6 A <= minCurrentAmps <= maxCurrentAmps <= 32 A");
        }
        if (pollInterval.toMillis() < 200 || timeout.toMillis() < 100) {
            throw new IllegalArgumentException("pollIntervalMillis must be at least 200 and timeoutMillis at least 100");
        }
    }

    static PhoenixSettings from(PhoenixWallboxConfig config) {
        String host = config.host() == null ? "" : config.host().trim();
        String serialPort = config.serialPort() == null ? "" : config.serialPort().trim();
        ModbusEndpoint endpoint;
        if (config.variant().serial() && !serialPort.isEmpty()) {
            endpoint = new ModbusEndpoint.Serial(serialPort, config.baudRate(), 8, config.parity(), 1,
                    ModbusEndpoint.SerialFraming.RTU);
        } else if (host.isEmpty()) {
            throw new IllegalArgumentException(config.variant().serial()
                    ? "neither serialPort nor host is set: name the RS-485 adapter's port or the converter's address"
                    : "host is empty: set the controller's IP address");
        } else if (config.variant().serial()) {
            endpoint = new ModbusEndpoint.SerialBridge(host, config.port(), ModbusEndpoint.SerialFraming.RTU);
        } else {
            endpoint = new ModbusEndpoint.Tcp(host, config.port());
        }
        return new PhoenixSettings(config.id() == null ? null : config.id().trim(), config.name(), config.variant(),
                endpoint, config.unitId(), config.phases(), config.phaseRotation(),
                (int) Math.round(config.minCurrentAmps() * 1000), (int) Math.round(config.maxCurrentAmps() * 1000),
                Duration.ofMillis(config.pollIntervalMillis()), Duration.ofMillis(config.timeoutMillis()));
    }
}
