package org.chargingmanager.ocpp.server.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chargingmanager.ocpp.v16.ChangeConfigurationRequest;
import org.junit.jupiter.api.Test;

class OperatorRequestsTest {

    @Test
    void pathsOfTheOperatorApi() {
        assertThat(OperatorPath.parse(null)).isEqualTo(new OperatorPath(null, null, null));
        assertThat(OperatorPath.parse("/")).isEqualTo(new OperatorPath(null, null, null));
        assertThat(OperatorPath.parse("/CB 1")).isEqualTo(new OperatorPath("CB 1", null, null));
        assertThat(OperatorPath.parse("/CB1/approve")).isEqualTo(new OperatorPath("CB1", "approve", null));
        assertThat(OperatorPath.parse("/CB1/calls/Reset")).isEqualTo(new OperatorPath("CB1", "calls", "Reset"));
        assertThat(OperatorPath.parse("/CB1/calls")).isNull();
        assertThat(OperatorPath.parse("/CB1/approve/now")).isNull();
        assertThat(OperatorPath.parse("//approve")).isNull();
        assertThat(OperatorPath.parse("/CB1/calls/Reset/x")).isNull();
    }

    @Test
    void aPasswordBodyIsCheckedWithoutEchoingThePassword() {
        assertThat(PasswordBody.parse("{\"password\":\"s3cret-Wallbox\"}")).containsExactly("s3cret-Wallbox".toCharArray());
        assertThatThrownBy(() -> PasswordBody.parse("{\"password\":\"short\"}"))
                .hasMessage("password must have 8 to 64 characters").hasMessageNotContaining("short\"");
        assertThatThrownBy(() -> PasswordBody.parse("{\"password\":\"with space inside\"}"))
                .hasMessageNotContaining("with space");
        assertThatThrownBy(() -> PasswordBody.parse("{\"password\":12345678}")).hasMessage("password must be a string");
        assertThatThrownBy(() -> PasswordBody.parse("{\"password\":")).hasMessage("the body must be {\"password\": \"...\"}");
        assertThatThrownBy(() -> PasswordBody.parse("[1]")).hasMessage("the body must be {\"password\": \"...\"}");
    }

    @Test
    void theAuthorizationKeyIsNotChangedBehindTheCentralSystemsBack() {
        assertThat(OperatorCallPolicy.refusal(new ChangeConfigurationRequest(" authorizationKey", "0123456789abcdef")))
                .contains("password");
        assertThat(OperatorCallPolicy.refusal(new ChangeConfigurationRequest("HeartbeatInterval", "300"))).isNull();
    }
}
