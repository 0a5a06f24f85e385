package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import org.junit.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The standalone runtime started as a newcomer does, with {@code CHARGINGMANAGER_MQTT_URL} pointing
 * at a real broker on loopback: it publishes the Homie device {@code homie/chargingmanager} out of
 * the box, the grid operator's AVAIL reaches MQTT within 2 s, a {@code /set} over MQTT changes the
 * variable, SIGKILL leaves the last will {@code lost}, and a broker restart gets everything again.
 */
public class MqttRuntimeIT {

    private static final String DEVICE = "homie/chargingmanager/";
    private static final Duration START = Duration.ofSeconds(30);

    private static RuntimeProcess start(String name, MqttBroker broker) throws Exception {
        return RuntimeProcess.start(StandaloneRuntime.testDirectory(name), "console.log",
                Map.of("CHARGINGMANAGER_MQTT_URL", broker.url()));
    }

    @Test
    public void availOverTheGridOperatorApiReachesMqttAndASetOverMqttChangesTheVariable() throws Exception {
        try (MqttBroker broker = new MqttBroker(StandaloneRuntime.freePort());
                MqttBroker.Watcher mqtt = new MqttBroker.Watcher(broker.url());
                RuntimeProcess runtime = start("mqtt-set", broker)) {
            Await.until("$state ready", START, () -> "ready".equals(mqtt.get(DEVICE + "$state")));
            assertEquals("4.0.0", mqtt.get(DEVICE + "$homie"));
            Await.until("avail = 100", START, () -> "100".equals(mqtt.get(DEVICE + "variables/avail")));
            assertEquals("true", mqtt.get(DEVICE + "variables/avail/$settable"));
            assertEquals("float", mqtt.get(DEVICE + "variables/avail/$datatype"));
            // the demo site: two simulated wallboxes and a grid meter; the house limit of etc/.
            // $nodes is re-published as the devices register, so the first one may list fewer.
            Await.until("$nodes lists the demo's wallboxes and meter", START, () -> {
                String nodes = mqtt.get(DEVICE + "$nodes");
                return nodes != null && nodes.startsWith("variables,grid,evse-") && nodes.contains("meter-");
            });
            Await.until("house limit 63 A", START, () -> "63".equals(mqtt.get(DEVICE + "grid/limit-current")));
            Await.until("house power limit 55000 W", START, () -> "55000".equals(mqtt.get(DEVICE + "grid/limit-power")));

            HttpResponse<String> set = runtime.get("/cnf?cmd=set_cm_vars&name=AVAIL&val=37");
            assertEquals(set.body(), 200, set.statusCode());
            long setAt = System.nanoTime();
            Await.until("avail = 37 on MQTT within 2 s", Duration.ofSeconds(2),
                    () -> "37".equals(mqtt.get(DEVICE + "variables/avail")));
            System.out.printf("AVAIL on MQTT %d ms after set_cm_vars%n", (System.nanoTime() - setAt) / 1_000_000);
            Await.until("house power limit follows", Duration.ofSeconds(3),
                    () -> "20350".equals(mqtt.get(DEVICE + "grid/limit-power")));

            mqtt.send(DEVICE + "variables/avail/set", "55");
            Await.until("AVAIL = 55 in get_cm_vars", Duration.ofSeconds(5), () -> value(runtime, "AVAIL") == 55.0);
            Await.until("avail = 55 on MQTT", Duration.ofSeconds(3), () -> "55".equals(mqtt.get(DEVICE + "variables/avail")));

            // bad sets: refused, logged, nothing changed
            mqtt.send(DEVICE + "variables/avail/set", "fifty");
            mqtt.send(DEVICE + "variables/avail/set", "x".repeat(5000));
            mqtt.send(DEVICE + "variables/avail/set", "AVAIL * 2");
            mqtt.send(DEVICE + "variables/tarif_nope/set", "1");
            Await.until("the refusal in the log", Duration.ofSeconds(5), () -> log(runtime).contains("MQTT: refused a set on "
                    + DEVICE + "variables/avail/set: 'fifty' is not a number; nothing changed"));
            // after the refusals, a good set still works (so they were handled in order, before it)
            mqtt.send(DEVICE + "variables/avail/set", "56");
            Await.until("AVAIL = 56", Duration.ofSeconds(5), () -> value(runtime, "AVAIL") == 56.0);
            JsonObject avail = variable(runtime, "AVAIL");
            assertEquals(56, avail.get("expr").getAsInt());
            assertTrue(runtime.alive());
            String log = log(runtime);
            assertTrue(log, !log.contains("secret") && !log.contains("Exception in thread"));
        }
    }

    @Test
    public void sigkillLeavesTheLastWillLost() throws Exception {
        try (MqttBroker broker = new MqttBroker(StandaloneRuntime.freePort());
                MqttBroker.Watcher mqtt = new MqttBroker.Watcher(broker.url());
                RuntimeProcess runtime = start("mqtt-kill", broker)) {
            Await.until("$state ready", START, () -> "ready".equals(mqtt.get(DEVICE + "$state")));
            runtime.kill();
            Await.until("$state lost", Duration.ofSeconds(10), () -> "lost".equals(mqtt.get(DEVICE + "$state")));
        }
    }

    @Test
    public void aCleanStopLeavesDisconnected() throws Exception {
        try (MqttBroker broker = new MqttBroker(StandaloneRuntime.freePort());
                MqttBroker.Watcher mqtt = new MqttBroker.Watcher(broker.url())) {
            RuntimeProcess runtime = start("mqtt-stop", broker);
            Await.until("$state ready", START, () -> "ready".equals(mqtt.get(DEVICE + "$state")));
            runtime.close(); // SIGTERM: the framework stops, the component deactivates
            Await.until("$state disconnected", Duration.ofSeconds(10),
                    () -> "disconnected".equals(mqtt.get(DEVICE + "$state")));
        }
    }

    @Test
    public void aBrokerRestartGetsTheWholeDescriptionAndTheValuesAgain() throws Exception {
        int port = StandaloneRuntime.freePort();
        MqttBroker broker = new MqttBroker(port);
        RuntimeProcess runtime = null;
        try {
            Map<String, String> before;
            try (MqttBroker.Watcher mqtt = new MqttBroker.Watcher(broker.url())) {
                runtime = start("mqtt-broker-restart", broker);
                Await.until("$state ready", START, () -> "ready".equals(mqtt.get(DEVICE + "$state")));
                Await.until("values", START, () -> mqtt.get(DEVICE + "grid/limit-power") != null);
                before = description(mqtt.state);
            }
            broker.close();
            RuntimeProcess running = runtime;
            String url = broker.url();
            Await.until("the runtime notices", Duration.ofSeconds(10),
                    () -> log(running).contains("MQTT: lost the connection to " + url));

            broker = new MqttBroker(port); // empty: no retained messages
            try (MqttBroker.Watcher mqtt = new MqttBroker.Watcher(broker.url())) {
                Await.until("ready again", Duration.ofSeconds(30), () -> "ready".equals(mqtt.get(DEVICE + "$state")));
                Await.until("the whole description again", Duration.ofSeconds(5),
                        () -> description(mqtt.state).equals(before));
                Await.until("values again", Duration.ofSeconds(5),
                        () -> "100".equals(mqtt.get(DEVICE + "variables/avail"))
                                && mqtt.get(DEVICE + "grid/limit-power") != null);
                assertTrue(log(running).contains("MQTT: connected again to " + broker.url()));
            }
        } finally {
            if (runtime != null) {
                runtime.close();
            }
            broker.close();
        }
    }

    /** Every attribute topic ({@code $...}) of the device, with its payload. */
    private static Map<String, String> description(Map<String, String> state) {
        Map<String, String> description = new TreeMap<>();
        state.forEach((topic, payload) -> {
            if (topic.startsWith(DEVICE) && topic.contains("/$") && !topic.equals(DEVICE + "$state")) {
                description.put(topic, payload);
            }
        });
        return description;
    }

    private static double value(RuntimeProcess runtime, String name) {
        try {
            JsonObject variable = variable(runtime, name);
            return variable == null || variable.get("value").isJsonNull() ? Double.NaN : variable.get("value").getAsDouble();
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static JsonObject variable(RuntimeProcess runtime, String name) throws Exception {
        HttpResponse<String> response = runtime.get("/cnf?cmd=get_cm_vars");
        for (JsonElement element : JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("vars")) {
            if (element.getAsJsonObject().get("name").getAsString().equals(name)) {
                return element.getAsJsonObject();
            }
        }
        return null;
    }

    private static String log(RuntimeProcess runtime) {
        try {
            return Files.readString(runtime.log);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
