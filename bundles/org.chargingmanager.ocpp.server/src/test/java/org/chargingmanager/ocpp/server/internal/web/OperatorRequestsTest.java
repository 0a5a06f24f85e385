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
        assertThat(OperatorPath.parse("/CB1/security-profile")).isEqualTo(new OperatorPath("CB1", "security-profile", null));
        assertThat(OperatorPath.parse("/CB1/minimum-security-profile"))
                .isEqualTo(new OperatorPath("CB1", "minimum-security-profile", null));
    }

    @Test
    void aSecurityProfileBodyIsAWholeNumberInRange() {
        assertThat(SecurityProfileBody.parse("{\"securityProfile\": 2}", "securityProfile", 1, 3)).isEqualTo(2);
        assertThat(SecurityProfileBody.parse("{\"minimumSecurityProfile\": 0}", "minimumSecurityProfile", 0, 3)).isZero();
        assertThatThrownBy(() -> SecurityProfileBody.parse("{\"securityProfile\": 0}", "securityProfile", 1, 3))
                .hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> SecurityProfileBody.parse("{\"securityProfile\": 4}", "securityProfile", 1, 3))
                .hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> SecurityProfileBody.parse("{\"securityProfile\": 2.5}", "securityProfile", 1, 3))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> SecurityProfileBody.parse("{\"securityProfile\": \"2\"}", "securityProfile", 1, 3))
                .hasMessageContaining("number");
        assertThatThrownBy(() -> SecurityProfileBody.parse("{\"profile\": 2}", "securityProfile", 1, 3))
                .hasMessageContaining("securityProfile");
        assertThatThrownBy(() -> SecurityProfileBody.parse("{", "securityProfile", 1, 3)).hasMessageContaining("body");
        assertThatThrownBy(() -> SecurityProfileBody.parse("", "securityProfile", 1, 3)).hasMessageContaining("body");
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
        assertThat(OperatorCallPolicy.refusal(new ChangeConfigurationRequest(" authorizationKey", "0123456789abcdef"))
                .english()).contains("password");
        assertThat(OperatorCallPolicy.refusal(new ChangeConfigurationRequest("AuthorizationKey", "0123456789abcdef"))
                .code()).isEqualTo("ocpp.useChangePassword");
        assertThat(OperatorCallPolicy.refusal(new ChangeConfigurationRequest("HeartbeatInterval", "300"))).isNull();
    }

    @Test
    void theSecurityProfileIsChangedOnlyThroughTheUpgrade() {
        assertThat(OperatorCallPolicy.refusal(new ChangeConfigurationRequest("SecurityProfile", "2")).english())
                .contains("security-profile");
        assertThat(OperatorCallPolicy.refusal(new ChangeConfigurationRequest(" securityprofile ", "3")).code())
                .isEqualTo("ocpp.useSecurityProfile");
    }
}
