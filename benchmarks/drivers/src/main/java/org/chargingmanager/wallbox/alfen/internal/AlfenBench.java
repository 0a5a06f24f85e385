package org.chargingmanager.wallbox.alfen.internal;

import java.time.Clock;
import java.time.Duration;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusLine;

/** The benchmark's way to the driver's package-private poller. */
public final class AlfenBench {

    private AlfenBench() {
    }

    public static Runnable poller(String id, ModbusEndpoint endpoint, ModbusLine line, int socket) {
        AlfenSettings settings = new AlfenSettings(id, id, endpoint, socket, 3, false, PhaseRotation.L1_L2_L3, 6000,
                16000, Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(2));
        AlfenCharger charger = new AlfenCharger(settings, line, Clock.systemUTC(), Runnable::run);
        charger.applyLimit(new ChargingLimit(10000, LimitReason.HOUSE_LIMIT, ""));
        return charger::pollOnce;
    }
}
