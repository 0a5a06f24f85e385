package org.chargingmanager.wallbox.goe.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.api.device.PhaseRotation;

/**
 * A checked {@link GoeWallboxConfig}.
 *
 * @param evseId              the charging point's ID
 * @param name                shown to users
 * @param baseUri             {@code http://host:port}
 * @param apiVersion          which API to use
 * @param phases              1 or 3, as wired
 * @param phaseRotation       how its phases sit on the grid's
 * @param minCurrentMilliamps below it a limit pauses
 * @param maxCurrentMilliamps the most it is allowed, whatever the load manager asks
 * @param pollInterval        between two reads
 * @param timeout             per request
 */
record GoeSettings(String evseId, String name, URI baseUri, GoeApiVersion apiVersion, int phases,
        PhaseRotation phaseRotation, int minCurrentMilliamps, int maxCurrentMilliamps, Duration pollInterval,
        Duration timeout) {

    GoeSettings {
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(apiVersion, "apiVersion");
        Objects.requireNonNull(phaseRotation, "phaseRotation");
        if (evseId == null || evseId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        if (phases != 1 && phases != 3) {
            throw new IllegalArgumentException("phases must be 1 or 3, not " + phases);
        }
        if (minCurrentMilliamps < 6000 || maxCurrentMilliamps < minCurrentMilliamps || maxCurrentMilliamps > 32000) {
            throw new IllegalArgumentException("need 6 A <= minCurrentAmps <= maxCurrentAmps <= 32 A, got "
                    + minCurrentMilliamps / 1000.0 + " A and " + maxCurrentMilliamps / 1000.0 + " A");
        }
        if (pollInterval.toMillis() < 500 || timeout.toMillis() < 100) {
            throw new IllegalArgumentException("pollIntervalMillis must be at least 500 and timeoutMillis at least 100");
        }
    }

    /** @throws IllegalArgumentException with a message for the installer when the configuration cannot work */
    static GoeSettings from(GoeWallboxConfig config) {
        String host = config.host() == null ? "" : config.host().trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty: set the wallbox's IP address or host name");
        }
        URI uri;
        try {
            uri = new URI("http", null, host, config.port(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("host " + host + " or port " + config.port() + " is not usable: "
                    + e.getMessage());
        }
        return new GoeSettings(config.id() == null ? null : config.id().trim(), config.name(), uri,
                config.apiVersion(), config.phases(), config.phaseRotation(),
                (int) Math.round(config.minCurrentAmps() * 1000), (int) Math.round(config.maxCurrentAmps() * 1000),
                Duration.ofMillis(config.pollIntervalMillis()), Duration.ofMillis(config.timeoutMillis()));
    }
}
