package org.chargingmanager.itests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;

/** A real MQTT broker (Moquette, in memory, no telemetry) on 127.0.0.1 for the runtime's process. */
final class MqttBroker implements AutoCloseable {

    private final Server server = new Server();
    final int port;

    MqttBroker(int port) throws IOException {
        this.port = port;
        Properties properties = new Properties();
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", String.valueOf(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("allow_anonymous", "true");
        properties.setProperty("data_path", Files.createTempDirectory("moquette").toString());
        server.startServer(new MemoryConfig(properties));
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }

    /** A Paho client subscribed to {@code #}: the latest payload per topic, as a controller sees it. */
    static final class Watcher implements AutoCloseable {

        private final MqttClient client;
        final Map<String, String> state = new ConcurrentHashMap<>();

        Watcher(String url) throws MqttException {
            client = new MqttClient(url, "itest-watcher-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectOptions options = new MqttConnectOptions();
            options.setMaxInflight(10_000);
            client.connect(options);
            client.subscribe("#", 1, (topic, message) -> {
                String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
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

        /** QoS 1, not retained: as a Homie controller sends a command. */
        void send(String topic, String payload) throws MqttException {
            MqttMessage message = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            client.publish(topic, message);
        }

        @Override
        public void close() throws MqttException {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }
}
