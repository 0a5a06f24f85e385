package org.chargingmanager.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecuredContextTest {

    @Test
    void onlyTheUiFilesAndTheLoginAreOpen() {
        assertThat(SecuredContext.isOpen("/chargingmanager/", "GET")).isTrue();
        assertThat(SecuredContext.isOpen("/chargingmanager/app.js", "GET")).isTrue();
        assertThat(SecuredContext.isOpen("/chargingmanager", "HEAD")).isTrue();
        assertThat(SecuredContext.isOpen("/api/v1/session", "POST")).isTrue();
        assertThat(SecuredContext.isOpen("/api/v1/session", "GET")).isTrue();

        assertThat(SecuredContext.isOpen("/api/v1/session", "DELETE")).isFalse();
        assertThat(SecuredContext.isOpen("/chargingmanager/app.js", "POST")).isFalse();
        assertThat(SecuredContext.isOpen("/chargingmanagerx", "GET")).isFalse();
        assertThat(SecuredContext.isOpen("/api/v1/evses", "GET")).isFalse();
        assertThat(SecuredContext.isOpen("/cnf", "GET")).isFalse();
        assertThat(SecuredContext.isOpen(null, "GET")).isFalse();
    }

    @Test
    void onlyReadsAreFreeOfTheCsrfToken() {
        assertThat(SecuredContext.changesState("GET")).isFalse();
        assertThat(SecuredContext.changesState("HEAD")).isFalse();
        assertThat(SecuredContext.changesState("OPTIONS")).isFalse();
        assertThat(SecuredContext.changesState("POST")).isTrue();
        assertThat(SecuredContext.changesState("PUT")).isTrue();
        assertThat(SecuredContext.changesState("DELETE")).isTrue();
        assertThat(SecuredContext.changesState("PATCH")).isTrue();
    }
}
