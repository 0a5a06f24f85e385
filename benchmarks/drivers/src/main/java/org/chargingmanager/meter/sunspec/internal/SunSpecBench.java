package org.chargingmanager.meter.sunspec.internal;

import java.time.Clock;
import java.time.Duration;

import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusLine;

/** The benchmark's way to the driver's package-private poller. */
public final class SunSpecBench {

    private SunSpecBench() {
    }

    public static Runnable poller(String id, ModbusEndpoint endpoint, ModbusLine line, int unitId) {
        SunSpecSettings settings = new SunSpecSettings(id, id, MeterRole.PV, SunSpecSource.AUTO, endpoint, unitId,
                Duration.ofSeconds(1), Duration.ofSeconds(2));
        SunSpecReader reader = new SunSpecReader(settings, line, Clock.systemUTC());
        return reader::pollOnce;
    }
}
