package org.chargingmanager.mqtt.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A real Paho client subscribed to {@code #}: keeps every message and the latest retained state per topic. */
final class MqttRecorder implements AutoCloseable {

    record Message(String topic, String payload, boolean retained) {
    }

    private final MqttClient client;
    final List<Message> messages = new CopyOnWriteArrayList<>();
    /** The latest payload per topic; an empty payload removes the topic, as at the broker. */
    final Map<String, String> state = new ConcurrentHashMap<>();

    MqttRecorder(String url) throws MqttException {
        this(url, null, null);
    }

    MqttRecorder(String url, String user, String password) throws MqttException {
        client = new MqttClient(url, "recorder-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        options.setCleanSession(true);
        options.setMaxInflight(10_000);
        client.connect(options);
        client.subscribe("#", 1, (topic, message) -> {
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            messages.add(new Message(topic, payload, message.isRetained()));
            if (payload.isEmpty()) {
                state.remove(topic);
            } else {
                state.put(topic, payload);
            }
        });
    }

    String get(String topic) {
        return state.get(topic);
    }

    List<String> payloadsOf(String topic) {
        return messages.stream().filter(m -> m.topic().equals(topic)).map(Message::payload).collect(Collectors.toList());
    }

    List<String> topicsStartingWith(String prefix) {
        return new ArrayList<>(state.keySet()).stream().filter(t -> t.startsWith(prefix)).sorted()
                .collect(Collectors.toList());
    }

    /** Sends a {@code /set} as a Homie controller does: QoS 1, not retained. */
    void send(String topic, byte[] payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        client.publish(topic, message);
    }

    void send(String topic, String payload) throws MqttException {
        send(topic, payload.getBytes(StandardCharsets.UTF_8), false);
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
