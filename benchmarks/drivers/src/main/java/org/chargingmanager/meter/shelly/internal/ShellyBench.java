package org.chargingmanager.meter.shelly.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.meter.MeterRole;

/** The benchmark's way to the driver's package-private poller. */
public final class ShellyBench {

    private ShellyBench() {
    }

    public static Runnable poller(String id, URI meter, String password) {
        ShellySettings settings = new ShellySettings(id, id, MeterRole.CONSUMER, ShellyModel.PRO_3EM, meter, 0,
                Phase.L1, password, Duration.ofSeconds(1), Duration.ofSeconds(2));
        ShellyReader reader = new ShellyReader(settings, new ShellyRpc(meter, settings.timeout(), password),
                Clock.systemUTC());
        return reader::pollOnce;
    }
}
