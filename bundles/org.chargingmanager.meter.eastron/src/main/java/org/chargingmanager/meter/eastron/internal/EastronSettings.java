package org.chargingmanager.meter.eastron.internal;

import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.modbus.ModbusEndpoint;

/** A checked {@link EastronMeterConfig}. */
record EastronSettings(String meterId, String name, MeterRole role, EastronModel model, ModbusEndpoint endpoint,
        int unitId, Duration pollInterval, Duration timeout) {

    EastronSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(endpoint, "endpoint");
        if (meterId == null || meterId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        if (unitId < 1 || unitId > 247) {
            throw new IllegalArgumentException("unitId must be 1..247, not " + unitId);
        }
        if (pollInterval.toMillis() < 200 || timeout.toMillis() < 100) {
            throw new IllegalArgumentException("pollIntervalMillis must be at least 200 and timeoutMillis at least 100");
        }
    }

    /** @throws IllegalArgumentException with a message for the installer when the configuration cannot work */
    static EastronSettings from(EastronMeterConfig config) {
        String serialPort = config.serialPort() == null ? "" : config.serialPort().trim();
        String host = config.host() == null ? "" : config.host().trim();
        ModbusEndpoint endpoint;
        if (!serialPort.isEmpty()) {
            endpoint = new ModbusEndpoint.Serial(serialPort, config.baudRate(), 8, config.parity(), config.stopBits(),
                    ModbusEndpoint.SerialFraming.RTU);
        } else if (!host.isEmpty()) {
            endpoint = new ModbusEndpoint.Tcp(host, config.port());
        } else {
            throw new IllegalArgumentException("set either host (Modbus TCP gateway) or serialPort (Modbus RTU)");
        }
        return new EastronSettings(config.id() == null ? null : config.id().trim(), config.name(), config.role(),
                config.model(), endpoint, config.unitId(), Duration.ofMillis(config.pollIntervalMillis()),
                Duration.ofMillis(config.timeoutMillis()));
    }
}
