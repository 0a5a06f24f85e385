package org.chargingmanager.api.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class BasicCredentialsTest {

    private static String header(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesUserAndPasswordWithColonsAndUmlauts() {
        BasicCredentials credentials = BasicCredentials.parse(header("admin:pä:ss")).orElseThrow();
        assertThat(credentials.username()).isEqualTo("admin");
        assertThat(new String(credentials.password())).isEqualTo("pä:ss");
    }

    @Test
    void rejectsMissingWrongSchemeAndGarbage() {
        assertThat(BasicCredentials.parse(null)).isEmpty();
        assertThat(BasicCredentials.parse("Bearer abc")).isEmpty();
        assertThat(BasicCredentials.parse("Basic !!!notbase64")).isEmpty();
        assertThat(BasicCredentials.parse(header("no-colon"))).isEmpty();
    }
}
