package org.chargingmanager.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadsTest {

    @ParameterizedTest
    @CsvSource({"AVAIL,avail", "TARIF,tarif", "PV_SURPLUS,pv-surplus", "_X__Y_,x-y", "ocpp-CB1234-1,ocpp-cb1234-1",
            "a.b c,a-b-c"})
    void homieIds(String name, String id) {
        assertThat(HomieIds.of(name)).isEqualTo(id);
        assertThat(HomieIds.valid(id)).isTrue();
    }

    @Test
    void namesWithoutAnyAllowedCharacterHaveNoId() {
        assertThat(HomieIds.of("__")).isEmpty();
        assertThat(HomieIds.valid("")).isFalse();
        assertThat(HomieIds.valid("-a")).isFalse();
        assertThat(HomieIds.valid("A")).isFalse();
    }

    @Test
    void numbers() {
        assertThat(Payloads.number(100, 6)).isEqualTo("100");
        assertThat(Payloads.number(0.30000000000000004, 6)).isEqualTo("0.3");
        assertThat(Payloads.number(-0.0, 1)).isEqualTo("0");
        assertThat(Payloads.number(Double.NaN, 1)).isEqualTo(Payloads.NO_VALUE);
        assertThat(Payloads.number(Double.POSITIVE_INFINITY, 1)).isEqualTo(Payloads.NO_VALUE);
        assertThat(Payloads.amps(16000)).isEqualTo("16");
        assertThat(Payloads.amps(0)).isEqualTo("0");
        assertThat(Payloads.amps(10500)).isEqualTo("10.5");
    }

    @ParameterizedTest
    @CsvSource({"42,42", "42.50,42.5", "' 7 ',7", "-1.5,-1.5", "1e3,1000", ".5,0.5", "+3,3"})
    void setPayloadsThatAreNumbers(String payload, String expression) {
        assertThat(Payloads.parseFloat(payload.getBytes(StandardCharsets.UTF_8))).isEqualTo(expression);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "NaN", "Infinity", "1,5", "1+1", "AVAIL*2", "0x10", "1e999", "1e-999", "--1"})
    void setPayloadsThatAreNotRefused(String payload) {
        assertThatThrownBy(() -> Payloads.parseFloat(payload.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aHugeSetPayloadIsRefusedBeforeParsing() {
        assertThatThrownBy(() -> Payloads.parseFloat(new byte[1_000_000])).hasMessageContaining("1000000 bytes");
    }
}
