package org.chargingmanager.meter.shelly.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.meter.MeterRole;

/**
 * A checked {@link ShellyMeterConfig}. {@link #toString()} leaves the password out.
 *
 * @param meterId      the meter's ID
 * @param name         shown to users
 * @param role         what it measures
 * @param model        Pro 3EM or Pro EM
 * @param baseUri      {@code http://host:port}
 * @param channel      Pro EM: 0 or 1
 * @param gridPhase    Pro EM: the grid phase of the channel
 * @param password     empty when authentication is off
 * @param pollInterval between two reads
 * @param timeout      per request
 */
record ShellySettings(String meterId, String name, MeterRole role, ShellyModel model, URI baseUri, int channel,
        Phase gridPhase, String password, Duration pollInterval, Duration timeout) {

    ShellySettings {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(gridPhase, "gridPhase");
        password = password == null ? "" : password;
        if (meterId == null || meterId.isBlank()) {
            throw new IllegalArgumentException("id is empty");
        }
        if (channel < 0 || channel > 1 || (model.threePhase() && channel != 0)) {
            throw new IllegalArgumentException("channel must be 0 (or 1 on a Pro EM), not " + channel);
        }
        if (pollInterval.toMillis() < 500 || timeout.toMillis() < 100) {
            throw new IllegalArgumentException("pollIntervalMillis must be at least 500 and timeoutMillis at least 100");
        }
    }

    @Override
    public String toString() {
        return "ShellySettings[" + meterId + ", " + model + " at " + baseUri + ", channel " + channel + ", password "
                + (password.isEmpty() ? "none" : "set") + "]";
    }

    /** @throws IllegalArgumentException with a message for the installer when the configuration cannot work */
    static ShellySettings from(ShellyMeterConfig config) {
        String host = config.host() == null ? "" : config.host().trim();
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty: set the meter's IP address or host name");
        }
        URI uri;
        try {
            uri = new URI("http", null, host, config.port(), null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("host " + host + " or port " + config.port() + " is not usable");
        }
        return new ShellySettings(config.id() == null ? null : config.id().trim(), config.name(), config.role(),
                config.model(), uri, config.channel(), config.gridPhase(), config._password(),
                Duration.ofMillis(config.pollIntervalMillis()), Duration.ofMillis(config.timeoutMillis()));
    }
}
