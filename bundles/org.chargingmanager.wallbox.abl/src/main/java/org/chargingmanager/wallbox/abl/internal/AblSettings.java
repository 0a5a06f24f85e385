package org.chargingmanager.wallbox.abl.internal;

import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.modbus.ModbusEndpoint;

/**
 * A checked {@link AblWallboxConfig}; a unit ID of 0 means the model's default (eMH1 1, eM4 255).
 *
 * @param connector the eM4's connector (1..n); 1 for an eMH1
 */
record AblSettings(String evseId, String name, AblModel model, ModbusEndpoint endpoint, int unitId, int connector,
        int phases, PhaseRotation phaseRotation, int minCurrentMilliamps, int maxCurrentMilliamps,
        Duration pollInterval, Duration timeout) {

    AblSettings {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(phaseRotation, "phaseRotation");
        if (evseId == null || evseId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        unitId = unitId == 0 ? model.defaultUnitId() : unitId;
        if (unitId < 1 || unitId > 255) {
            throw new IllegalArgumentException("unitId must be 1..255, not " + unitId);
        }
        if (connector < 1 || connector > 16) {
            throw new IllegalArgumentException("connector must be 1..16, not " + connector);
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

    /**
     * The eMH1 on a local serial port when {@code serialPort} is set, else behind an RS-485-to-Ethernet converter
     * at {@code host:port}; the eM4 at {@code host:port} over Modbus TCP.
     */
    static AblSettings from(AblWallboxConfig config) {
        String host = config.host() == null ? "" : config.host().trim();
        String serialPort = config.serialPort() == null ? "" : config.serialPort().trim();
        ModbusEndpoint endpoint;
        if (config.model() == AblModel.EMH1 && !serialPort.isEmpty()) {
            endpoint = new ModbusEndpoint.Serial(serialPort, config.baudRate(), 8, config.parity(), 1,
                    ModbusEndpoint.SerialFraming.ASCII);
        } else if (host.isEmpty()) {
            throw new IllegalArgumentException(config.model() == AblModel.EMH1
                    ? "neither serialPort nor host is set: name the RS-485 adapter's port or the converter's address"
                    : "host is empty: set the eM4's IP address");
        } else if (config.model() == AblModel.EMH1) {
            endpoint = new ModbusEndpoint.SerialBridge(host, config.port(), ModbusEndpoint.SerialFraming.ASCII);
        } else {
            endpoint = new ModbusEndpoint.Tcp(host, config.port());
        }
        return new AblSettings(config.id() == null ? null : config.id().trim(), config.name(), config.model(),
                endpoint, config.unitId(), config.model() == AblModel.EM4 ? config.connector() : 1, config.phases(),
                config.phaseRotation(), (int) Math.round(config.minCurrentAmps() * 1000),
                (int) Math.round(config.maxCurrentAmps() * 1000), Duration.ofMillis(config.pollIntervalMillis()),
                Duration.ofMillis(config.timeoutMillis()));
    }
}
