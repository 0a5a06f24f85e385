package org.chargingmanager.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MqttSettingsTest {

    /** The configuration with its defaults, like DS makes it, and the given values. */
    private static MqttConfig config(Map<String, Object> values) {
        return (MqttConfig) Proxy.newProxyInstance(MqttConfig.class.getClassLoader(), new Class<?>[] {MqttConfig.class},
                (proxy, method, args) -> values.containsKey(method.getName()) ? values.get(method.getName())
                        : method.getDefaultValue());
    }

    private static Map<String, Object> values(String url) {
        Map<String, Object> values = new HashMap<>();
        values.put("brokerUrl", url);
        return values;
    }

    @Test
    void defaults() {
        Map<String, Object> values = values("tcp://broker:1883");
        values.put("username", "cm");
        values.put("_password", "top-Secret-9");
        MqttSettings settings = MqttSettings.of(config(values));
        assertThat(settings.baseTopic()).isEqualTo("homie");
        assertThat(settings.deviceId()).isEqualTo("chargingmanager");
        assertThat(settings.clientId()).isEqualTo("chargingmanager-chargingmanager");
        assertThat(settings.homeAssistantDiscovery()).isFalse();
        assertThat(settings.tls()).isFalse();
        assertThat(new String(settings.password())).isEqualTo("top-Secret-9");
        assertThat(settings.toString()).contains("tcp://broker:1883", "cm").doesNotContain("top-Secret-9");
    }

    @Test
    void badSettingsAreNamed() {
        assertThatThrownBy(() -> MqttSettings.of(config(values("http://broker")))).hasMessageContaining("tcp:// or ssl://");
        assertThatThrownBy(() -> MqttSettings.of(config(values(null)))).hasMessageContaining("tcp:// or ssl://");
        Map<String, Object> device = values("ssl://broker:8883");
        device.put("deviceId", "Charging_Manager");
        assertThatThrownBy(() -> MqttSettings.of(config(device))).hasMessageContaining("device ID 'Charging_Manager'");
        Map<String, Object> base = values("ssl://broker:8883");
        base.put("baseTopic", "homie/#");
        assertThatThrownBy(() -> MqttSettings.of(config(base))).hasMessageContaining("base topic");
    }
}
