package org.chargingmanager.mqtt.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns {@link SiteState}s into retained Homie 4.0.0 messages. It remembers what it published, so
 * it sends only what changed: a value when it differs from the last one sent and that property's
 * last value is at least {@code minimumInterval} old (the rest waits for a later
 * {@link #update}); attributes when nodes or properties appear or change; and an empty retained
 * message for every topic of a node or property that is gone.
 *
 * <p>Not thread safe: the bridge calls it from its one thread.
 */
final class HomieDevice {

    static final String HOMIE_VERSION = "4.0.0";

    /** Publishes one retained message with QoS 1; throws when it cannot. */
    interface Sink {
        void publish(String topic, String payload);
    }

    private final String prefix;
    private final String deviceName;
    private final Sink sink;
    private final Clock clock;
    private final Duration minimumInterval;
    private final HomeAssistantDiscovery homeAssistant;
    /** Every retained topic this device has published and not cleared, with its payload. */
    private final Map<String, String> retained = new LinkedHashMap<>();
    private final Map<String, Instant> lastValueSent = new HashMap<>();
    private int valuesPublished;

    /**
     * @param homeAssistant the discovery messages to publish too, or {@code null}
     */
    HomieDevice(String baseTopic, String deviceId, String deviceName, Sink sink, Clock clock, Duration minimumInterval,
            HomeAssistantDiscovery homeAssistant) {
        this.prefix = baseTopic + "/" + deviceId + "/";
        this.deviceName = deviceName;
        this.sink = sink;
        this.clock = clock;
        this.minimumInterval = minimumInterval;
        this.homeAssistant = homeAssistant;
    }

    String stateTopic() {
        return prefix + "$state";
    }

    String setTopicFilter() {
        return prefix + SiteReader.VARIABLES_NODE + "/+/set";
    }

    /** The {@code /set} topics of the charging points' modes: {@code <prefix>+/mode/set}. */
    String modeTopicFilter() {
        return prefix + "+/" + SiteReader.MODE_PROPERTY + "/set";
    }

    /** The {@code /set} topics of the charging points' plans: {@code <prefix>+/plan/set}. */
    String planTopicFilter() {
        return prefix + "+/" + SiteReader.PLAN_PROPERTY + "/set";
    }

    /**
     * The node ID of a {@code <prefix>evse-.../mode/set} topic, or {@code null} for any other topic.
     */
    String modeNodeOf(String topic) {
        return evseNodeOf(topic, SiteReader.MODE_PROPERTY);
    }

    /**
     * The node ID of a {@code <prefix>evse-.../plan/set} topic, or {@code null} for any other topic.
     */
    String planNodeOf(String topic) {
        return evseNodeOf(topic, SiteReader.PLAN_PROPERTY);
    }

    private String evseNodeOf(String topic, String property) {
        String end = "/" + property + "/set";
        if (!topic.startsWith(prefix) || !topic.endsWith(end)) {
            return null;
        }
        String node = topic.substring(prefix.length(), topic.length() - end.length());
        return node.startsWith("evse-") && HomieIds.valid(node) ? node : null;
    }

    /**
     * The property ID of a {@code <prefix>variables/<id>/set} topic, or {@code null} for any other topic.
     */
    String settablePropertyOf(String topic) {
        String start = prefix + SiteReader.VARIABLES_NODE + "/";
        if (!topic.startsWith(start) || !topic.endsWith("/set")) {
            return null;
        }
        String id = topic.substring(start.length(), topic.length() - "/set".length());
        return HomieIds.valid(id) ? id : null;
    }

    /**
     * Publishes everything: {@code $state} {@code init}, the whole description, every value, the
     * discovery messages, clears what is no longer there, then {@code $state} {@code ready}. Used
     * after every (re)connect, when the broker may have lost or never had any of it.
     */
    void publishAll(SiteState state) {
        send(stateTopic(), "init");
        Map<String, String> description = describe(state);
        description.forEach(this::send);
        Instant now = clock.instant();
        Map<String, String> values = valueTopics(state);
        values.forEach((topic, payload) -> {
            send(topic, payload);
            lastValueSent.put(topic, now);
            valuesPublished++;
        });
        clearAllBut(description, values);
        send(stateTopic(), "ready");
    }

    /** Publishes what changed since the last call; values only as often as the rate limit allows. */
    void update(SiteState state) {
        Map<String, String> description = describe(state);
        Map<String, String> values = valueTopics(state);
        description.forEach((topic, payload) -> {
            if (!payload.equals(retained.get(topic))) {
                send(topic, payload);
            }
        });
        clearAllBut(description, values);
        Instant now = clock.instant();
        values.forEach((topic, payload) -> {
            if (retained.containsKey(topic) && payload.equals(retained.get(topic))) {
                return;
            }
            Instant last = lastValueSent.get(topic);
            if (last != null && now.isBefore(last.plus(minimumInterval))) {
                return; // sent again by a later update, once the interval has passed
            }
            send(topic, payload);
            lastValueSent.put(topic, now);
            valuesPublished++;
        });
    }

    /** {@code $state} {@code disconnected}, before a clean disconnect. */
    void disconnecting() {
        send(stateTopic(), "disconnected");
    }

    /** How many value messages were published so far (for tests and the log). */
    int valuesPublished() {
        return valuesPublished;
    }

    private void clearAllBut(Map<String, String> description, Map<String, String> values) {
        for (String topic : new ArrayList<>(retained.keySet())) {
            if (!description.containsKey(topic) && !values.containsKey(topic) && !topic.equals(stateTopic())) {
                sink.publish(topic, Payloads.NO_VALUE);
                retained.remove(topic);
                lastValueSent.remove(topic);
            }
        }
    }

    private void send(String topic, String payload) {
        sink.publish(topic, payload);
        retained.put(topic, payload);
    }

    /** Every attribute topic (nodes and properties first, the device's {@code $nodes} last) and the discovery messages. */
    Map<String, String> describe(SiteState state) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (HomieNode node : state.nodes()) {
            String nodePrefix = prefix + node.id() + "/";
            for (HomieProperty property : node.properties()) {
                String propertyPrefix = nodePrefix + property.id() + "/";
                topics.put(propertyPrefix + "$name", property.name());
                topics.put(propertyPrefix + "$datatype", property.datatype());
                if (!property.unit().isEmpty()) {
                    topics.put(propertyPrefix + "$unit", property.unit());
                }
                if (!property.format().isEmpty()) {
                    topics.put(propertyPrefix + "$format", property.format());
                }
                topics.put(propertyPrefix + "$settable", String.valueOf(property.settable()));
                topics.put(propertyPrefix + "$retained", "true");
            }
            topics.put(nodePrefix + "$name", node.name());
            topics.put(nodePrefix + "$type", node.type());
            topics.put(nodePrefix + "$properties",
                    node.properties().stream().map(HomieProperty::id).collect(Collectors.joining(",")));
        }
        topics.put(prefix + "$homie", HOMIE_VERSION);
        topics.put(prefix + "$name", deviceName);
        topics.put(prefix + "$extensions", "");
        topics.put(prefix + "$implementation", "chargingmanager");
        topics.put(prefix + "$nodes", state.nodes().stream().map(HomieNode::id).collect(Collectors.joining(",")));
        if (homeAssistant != null) {
            topics.putAll(homeAssistant.configs(state.nodes()));
        }
        return topics;
    }

    private Map<String, String> valueTopics(SiteState state) {
        Map<String, String> topics = new LinkedHashMap<>();
        for (HomieNode node : state.nodes()) {
            for (HomieProperty property : node.properties()) {
                String key = node.id() + "/" + property.id();
                topics.put(prefix + key, state.values().getOrDefault(key, Payloads.NO_VALUE));
            }
        }
        return topics;
    }

    List<String> retainedTopics() {
        return List.copyOf(retained.keySet());
    }
}
