package org.chargingmanager.mqtt.internal;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The checked settings of the publisher.
 *
 * @param password empty for none; never logged
 * @param caCertificateFile {@code null} for the Java default CAs
 */
record MqttSettings(String brokerUrl, String clientId, String username, char[] password, Path caCertificateFile,
        String baseTopic, String deviceId, String deviceName, boolean homeAssistantDiscovery, String homeAssistantPrefix) {

    /** @throws IllegalArgumentException naming the bad setting */
    static MqttSettings of(MqttConfig config) {
        String url = config.brokerUrl() == null ? "" : config.brokerUrl().trim();
        String scheme = url.toLowerCase(Locale.ROOT);
        if (!scheme.startsWith("tcp://") && !scheme.startsWith("ssl://")) {
            throw new IllegalArgumentException("broker URL '" + url + "' must start with tcp:// or ssl://");
        }
        String deviceId = config.deviceId() == null ? "" : config.deviceId().trim();
        if (!HomieIds.valid(deviceId)) {
            throw new IllegalArgumentException("device ID '" + deviceId + "' is not a Homie ID (a-z, 0-9 and -, "
                    + "not starting or ending with -)");
        }
        String baseTopic = topic("base topic", config.baseTopic());
        String clientId = config.clientId() == null || config.clientId().isBlank() ? "chargingmanager-" + deviceId
                : config.clientId().trim();
        String ca = config.caCertificateFile() == null ? "" : config.caCertificateFile().trim();
        String prefix = topic("Home Assistant discovery prefix", config.homeAssistantPrefix());
        String password = config._password() == null ? "" : config._password();
        String deviceName = config.deviceName() == null || config.deviceName().isBlank() ? "Charging Manager"
                : config.deviceName().trim();
        return new MqttSettings(url, clientId, config.username() == null ? "" : config.username().trim(),
                password.toCharArray(), ca.isEmpty() ? null : Path.of(ca), baseTopic, deviceId, deviceName,
                config.homeAssistantDiscovery(), prefix);
    }

    boolean tls() {
        return brokerUrl.toLowerCase(Locale.ROOT).startsWith("ssl://");
    }

    private static String topic(String what, String value) {
        String topic = value == null ? "" : value.trim();
        if (topic.isEmpty() || topic.contains("+") || topic.contains("#") || topic.contains("$") || topic.startsWith("/")
                || topic.endsWith("/") || topic.contains("//")) {
            throw new IllegalArgumentException(what + " '" + topic + "' is not a valid topic (no +, #, $, and no empty "
                    + "levels)");
        }
        return topic;
    }

    @Override
    public String toString() {
        return "MqttSettings[" + brokerUrl + ", client " + clientId + (username.isEmpty() ? "" : ", user " + username)
                + ", " + baseTopic + "/" + deviceId + "]";
    }
}
