package org.chargingmanager.ocpp.gateway.internal;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.chargingmanager.api.evse.ChargingCap;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.testkit.MutableClock;

/** Builds gateways for the tests and plays the load manager: local limit and the gateway's cap as the minimum. */
final class GatewayTestSupport {

    final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final Map<String, Evse> evses = new ConcurrentHashMap<>();

    static GatewaySettings settings(String url, String chargeBoxId, String password, String idTag, String... evseIds) {
        return new GatewaySettings(URI.create(url), chargeBoxId, true, password, List.of(evseIds), idTag,
                OfflineAuthorization.ACCEPT_KNOWN, "", "", "", false, "", "", "", 1000, Duration.ofSeconds(30), "");
    }

    Gateway gateway(GatewaySettings settings, Path directory) throws Exception {
        return new Gateway(settings, directory, evses::get, clock, 20);
    }

    /** What the load manager does each cycle: the local limit, never above the gateway's cap. */
    static void loadManagerCycle(Gateway gateway, Evse evse, int localMilliamps, Instant now) {
        int limit = localMilliamps;
        for (ChargingCap cap : gateway.caps()) {
            if (cap.evseId().equals(evse.info().id())) {
                OptionalInt capped = cap.maxCurrentMilliamps(now);
                if (capped.isPresent()) {
                    limit = Math.min(limit, capped.getAsInt());
                }
            }
        }
        evse.applyLimit(new ChargingLimit(limit < evse.info().minCurrentMilliamps() ? 0 : limit,
                LimitReason.HOUSE_LIMIT, ""));
    }

}
