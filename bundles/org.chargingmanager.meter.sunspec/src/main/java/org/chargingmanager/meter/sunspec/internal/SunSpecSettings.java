package org.chargingmanager.meter.sunspec.internal;

import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.modbus.ModbusEndpoint;

/** A checked {@link SunSpecMeterConfig}. */
record SunSpecSettings(String meterId, String name, MeterRole role, SunSpecSource source, ModbusEndpoint endpoint,
        int unitId, Duration pollInterval, Duration timeout) {

    SunSpecSettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(endpoint, "endpoint");
        if (meterId == null || meterId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        if (unitId < 0 || unitId > 255) {
            throw new IllegalArgumentException("unitId must be 0..255, not " + unitId);
        }
        if (pollInterval.toMillis() < 500 || timeout.toMillis() < 100) {
            throw new IllegalArgumentException("pollIntervalMillis must be at least 500 and timeoutMillis at least 100");
        }
    }

    static SunSpecSettings from(SunSpecMeterConfig config) {
        String host = config.host() == null ? "" : config.host().trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty: set the device's IP address");
        }
        return new SunSpecSettings(config.id() == null ? null : config.id().trim(), config.name(), config.role(),
                config.source(), new ModbusEndpoint.Tcp(host, config.port()), config.unitId(),
                Duration.ofMillis(config.pollIntervalMillis()), Duration.ofMillis(config.timeoutMillis()));
    }
}
