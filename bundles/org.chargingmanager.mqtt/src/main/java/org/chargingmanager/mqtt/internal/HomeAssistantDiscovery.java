package org.chargingmanager.mqtt.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Home Assistant MQTT discovery: one retained {@code <prefix>/sensor/<device>/<node>-<property>/config}
 * per property, {@code <prefix>/number/...} for the settable variables. The entities read the
 * Homie value topics; they are available while the device's {@code $state} is {@code ready}.
 */
final class HomeAssistantDiscovery {

    private final String prefix;
    private final String homieDevicePrefix;
    private final String deviceId;
    private final String deviceName;

    HomeAssistantDiscovery(String prefix, String baseTopic, String deviceId, String deviceName) {
        this.prefix = prefix;
        this.homieDevicePrefix = baseTopic + "/" + deviceId + "/";
        this.deviceId = deviceId;
        this.deviceName = deviceName;
    }

    Map<String, String> configs(List<HomieNode> nodes) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (HomieNode node : nodes) {
            for (HomieProperty property : node.properties()) {
                String objectId = node.id() + "-" + property.id();
                String component = property.settable() ? "number" : "sensor";
                topics.put(prefix + "/" + component + "/" + deviceId + "/" + objectId + "/config",
                        config(node, property, objectId));
            }
        }
        return topics;
    }

    private String config(HomieNode node, HomieProperty property, String objectId) {
        String stateTopic = homieDevicePrefix + node.id() + "/" + property.id();
        StringBuilder json = new StringBuilder("{");
        field(json, "name", node.name() + " " + property.name());
        field(json, "unique_id", deviceId + "-" + objectId);
        field(json, "object_id", deviceId + "-" + objectId);
        field(json, "state_topic", stateTopic);
        if (!property.unit().isEmpty()) {
            field(json, "unit_of_measurement", property.unit());
        }
        String deviceClass = switch (property.unit()) {
            case "W" -> "power";
            case "A" -> "current";
            case "Wh" -> "energy";
            default -> "";
        };
        if (!deviceClass.isEmpty()) {
            field(json, "device_class", deviceClass);
            if (!property.settable()) {
                field(json, "state_class", deviceClass.equals("energy")
                        ? (property.id().startsWith("session") ? "total" : "total_increasing") : "measurement");
            }
        }
        if (property.settable()) {
            field(json, "command_topic", stateTopic + "/set");
            json.append("\"min\":-1000000000,\"max\":1000000000,\"step\":0.001,");
            field(json, "mode", "box");
        }
        json.append("\"availability\":[{");
        field(json, "topic", homieDevicePrefix + "$state");
        json.append("\"value_template\":").append(quote("{{ 'online' if value == 'ready' else 'offline' }}"));
        json.append("}],\"device\":{\"identifiers\":[").append(quote("homie-" + deviceId)).append("],");
        field(json, "manufacturer", "Charging Manager project");
        json.append("\"name\":").append(quote(deviceName)).append("}}");
        return json.toString();
    }

    private static void field(StringBuilder json, String name, String value) {
        json.append(quote(name)).append(':').append(quote(value)).append(',');
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
