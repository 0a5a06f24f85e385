package org.chargingmanager.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** CHARGINGMANAGER_MQTT_URL against ConfigurationAdmin (an in-memory stand-in). */
class EnvironmentConfigurationTest {

    /** PID to properties; a missing PID has no configuration. */
    private final Map<String, Dictionary<String, Object>> store = new HashMap<>();

    private ConfigurationAdmin admin() {
        return (ConfigurationAdmin) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "listConfigurations" -> store.containsKey(MqttPublisher.PID)
                            ? new Configuration[] {configuration(MqttPublisher.PID)} : null;
                    case "getConfiguration" -> configuration((String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private Configuration configuration(String pid) {
        return (Configuration) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Configuration.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getProperties" -> store.get(pid);
                    case "update" -> store.put(pid, (Dictionary<String, Object>) args[0]);
                    case "delete" -> store.remove(pid);
                    case "getPid" -> pid;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void theVariableCreatesTheConfigurationAndUnsettingItRemovesIt() throws Exception {
        EnvironmentConfiguration.apply(admin(), "tcp://broker:1883");
        assertThat(store.get(MqttPublisher.PID).get("brokerUrl")).isEqualTo("tcp://broker:1883");
        assertThat(store.get(MqttPublisher.PID).get(EnvironmentConfiguration.SOURCE_PROPERTY))
                .isEqualTo("CHARGINGMANAGER_MQTT_URL");

        EnvironmentConfiguration.apply(admin(), "ssl://other:8883");
        assertThat(store.get(MqttPublisher.PID).get("brokerUrl")).isEqualTo("ssl://other:8883");

        EnvironmentConfiguration.apply(admin(), "");
        assertThat(store).doesNotContainKey(MqttPublisher.PID);
    }

    @Test
    void aConfigurationMadeOtherwiseWinsAndStays() throws Exception {
        Dictionary<String, Object> own = new Hashtable<>();
        own.put("brokerUrl", "tcp://mine:1883");
        store.put(MqttPublisher.PID, own);
        EnvironmentConfiguration.apply(admin(), "tcp://broker:1883");
        assertThat(store.get(MqttPublisher.PID).get("brokerUrl")).isEqualTo("tcp://mine:1883");
        EnvironmentConfiguration.apply(admin(), "");
        assertThat(store.get(MqttPublisher.PID)).isSameAs(own);
    }

    @Test
    void withoutTheVariableNothingIsCreated() throws Exception {
        EnvironmentConfiguration.apply(admin(), "");
        assertThat(store).isEmpty();
    }
}
