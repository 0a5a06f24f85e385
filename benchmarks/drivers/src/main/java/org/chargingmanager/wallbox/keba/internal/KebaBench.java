package org.chargingmanager.wallbox.keba.internal;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;

/** The benchmark's way to the driver's package-private ticker; boxes share one socket as in the runtime. */
public final class KebaBench implements AutoCloseable {

    private final KebaUdpSocket socket = KebaUdpSocket.open(0, Clock.systemUTC());

    public Runnable ticker(String id, InetSocketAddress box) {
        KebaSettings settings = new KebaSettings(id, id, box, 0, 3, PhaseRotation.L1_L2_L3, 6000, 16000,
                Duration.ofSeconds(60), 6000, Duration.ofSeconds(5), Duration.ofMillis(1500));
        KebaCharger charger = new KebaCharger(settings, Clock.systemUTC(), command -> socket.send(box, command),
                new KebaCommandPacer(Duration.ofMillis(20)));
        socket.register(box, charger::received);
        charger.applyLimit(new ChargingLimit(10000, LimitReason.HOUSE_LIMIT, ""));
        return charger::tick;
    }

    @Override
    public void close() {
        socket.close();
    }
}
