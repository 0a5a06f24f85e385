package org.chargingmanager.wallbox.goe.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;

/** The benchmark's way to the driver's package-private poller (same package on the plain class path). */
public final class GoeBench {

    private GoeBench() {
    }

    public static Runnable poller(String id, URI box) {
        GoeSettings settings = new GoeSettings(id, id, box, GoeApiVersion.AUTO, 3, PhaseRotation.L1_L2_L3, 6000,
                16000, Duration.ofSeconds(1), Duration.ofSeconds(2));
        GoeCharger charger = new GoeCharger(settings, new GoeHttp(box, settings.timeout()), Clock.systemUTC(),
                Runnable::run);
        charger.applyLimit(new ChargingLimit(10000, LimitReason.HOUSE_LIMIT, ""));
        return charger::pollOnce;
    }
}
