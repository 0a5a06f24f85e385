package org.chargingmanager.wallbox.abl.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.util.Map;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusEndpoint.Parity;
import org.chargingmanager.modbus.ModbusEndpoint.SerialFraming;
import org.junit.jupiter.api.Test;

/** Which line a configuration means: the metatype defaults plus what an installer writes into the .config file. */
class AblSettingsTest {

    private static AblWallboxConfig config(Map<String, Object> values) {
        return (AblWallboxConfig) Proxy.newProxyInstance(AblWallboxConfig.class.getClassLoader(),
                new Class<?>[] {AblWallboxConfig.class}, (proxy, method, args) -> values.containsKey(method.getName())
                        ? values.get(method.getName()) : method.getDefaultValue());
    }

    @Test
    void anEmh1OnALocalPortIsModbusAsciiAt38400EvenParity() {
        AblSettings settings = AblSettings.from(config(Map.of("id", "abl", "serialPort", "/dev/ttyUSB0")));
        assertThat(settings.endpoint()).isEqualTo(new ModbusEndpoint.Serial("/dev/ttyUSB0", 38400, 8, Parity.EVEN, 1,
                SerialFraming.ASCII));
        assertThat(settings.unitId()).isEqualTo(1);
    }

    @Test
    void anEmh1BehindAConverterIsAsciiThroughTcpAndAnEm4IsModbusTcpOnUnit255() {
        assertThat(AblSettings.from(config(Map.of("id", "abl", "host", "192.168.1.45", "port", 8899))).endpoint())
                .isEqualTo(new ModbusEndpoint.SerialBridge("192.168.1.45", 8899, SerialFraming.ASCII));
        AblSettings em4 = AblSettings.from(config(Map.of("id", "abl", "model", AblModel.EM4, "host", "192.168.1.46",
                "connector", 2)));
        assertThat(em4.endpoint()).isEqualTo(new ModbusEndpoint.Tcp("192.168.1.46", 502));
        assertThat(em4.unitId()).isEqualTo(255);
        assertThat(em4.connector()).isEqualTo(2);
    }

    @Test
    void neitherPortNorHostIsAClearError() {
        assertThatThrownBy(() -> AblSettings.from(config(Map.of("id", "abl"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serialPort");
        assertThatThrownBy(() -> AblSettings.from(config(Map.of("id", "abl", "model", AblModel.EM4))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("host");
    }
}
