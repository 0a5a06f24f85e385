package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLContext;

import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.BootNotificationRequest;

/**
 * wss:// with Basic auth against JSONServer behind a TLS terminator (as a reverse proxy runs it): the
 * backend's certificate checked against the configured CA.
 */
class TlsBackendTest {

    private static final String HEX_KEY = "00112233445566778899aabbccddeeff00112233";

    @TempDir
    static Path keys;

    @TempDir
    Path directory;

    private final GatewayTestSupport support = new GatewayTestSupport();
    private OcaBackend backend;
    private TlsTerminator tls;
    private Gateway gateway;

    private static TestCertificates certificates;

    @BeforeAll
    static void certificates() throws Exception {
        certificates = new TestCertificates(keys);
    }

    private static SSLContext backendTls() throws Exception {
        return certificates.backendContext(null);
    }

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (tls != null) {
            try {
                tls.close();
            } catch (java.io.IOException ignored) {
                // closing
            }
        }
    }

    private GatewaySettings settings(String url, String caFile) {
        return settings(url, caFile, "", "");
    }

    private GatewaySettings settings(String url, String caFile, String clientCertificate, String clientKey) {
        return new GatewaySettings(URI.create(url), "CB-TLS", true, HEX_KEY, List.of("sim-1"), "FIXED1",
                OfflineAuthorization.ACCEPT_KNOWN, caFile, clientCertificate, clientKey, true, "", "", "", 1000,
                Duration.ofSeconds(30), "");
    }

    @Test
    void withAClientCertificateTheBackendThatDemandsOneAcceptsTheChargePoint() throws Exception {
        backend = new OcaBackend(OcaBackend.freePort(), null);
        tls = new TlsTerminator(certificates.backendContext("client"), backend.port,
                new String[] { "TLSv1.2" }, true);
        support.evses.put("sim-1", FakeEvse.threePhase("sim-1", support.clock));
        gateway = support.gateway(settings("wss://localhost:" + tls.port() + "/ocpp",
                certificates.pem("backend").toString(), certificates.pem("client").toString(),
                keys.resolve("client-key.pem").toString()), directory);
        Await.until("booted with the client certificate (profile 3)", Duration.ofSeconds(30),
                () -> !backend.received(BootNotificationRequest.class).isEmpty());
        assertThat(tls.handshakesFailed.get()).isZero();
    }

    @Test
    void withoutAClientCertificateTheBackendThatDemandsOneRefuses() throws Exception {
        backend = new OcaBackend(OcaBackend.freePort(), null);
        tls = new TlsTerminator(certificates.backendContext("client"), backend.port,
                new String[] { "TLSv1.2" }, true);
        support.evses.put("sim-1", FakeEvse.threePhase("sim-1", support.clock));
        gateway = support.gateway(settings("wss://localhost:" + tls.port() + "/ocpp",
                certificates.pem("backend").toString()), directory);
        Await.until("refused", Duration.ofSeconds(30), () -> gateway.status().lastError() != null);
        assertThat(tls.handshakesFailed.get()).isPositive();
        assertThat(backend.received).isEmpty();
    }

    @Test
    void withTheBackendsCaAndAHexPasswordTheAuthorizationKeyBytesAreSentOverTls() throws Exception {
        backend = new OcaBackend(OcaBackend.freePort(), null);
        tls = new TlsTerminator(backendTls(), backend.port);
        backend.requiredPassword = HEX_KEY;
        support.evses.put("sim-1", FakeEvse.threePhase("sim-1", support.clock));
        gateway = support.gateway(settings("wss://localhost:" + tls.port() + "/ocpp",
                certificates.pem("backend").toString()), directory);
        Await.until("booted over wss", Duration.ofSeconds(30), () -> !backend.received(BootNotificationRequest.class).isEmpty());
        assertThat(backend.password).as("the 20-byte AuthorizationKey, not its 40 digits")
                .isEqualTo(HexFormat.of().parseHex(HEX_KEY));
        assertThat(gateway.status().url()).isEqualTo("wss://localhost:" + tls.port() + "/ocpp/CB-TLS");
    }

    @Test
    void aBackendWhoseCertificateDoesNotChainToTheConfiguredCaIsRefused() throws Exception {
        backend = new OcaBackend(OcaBackend.freePort(), null);
        tls = new TlsTerminator(backendTls(), backend.port);
        support.evses.put("sim-1", FakeEvse.threePhase("sim-1", support.clock));
        gateway = support.gateway(settings("wss://localhost:" + tls.port() + "/ocpp",
                certificates.pem("stranger").toString()), directory);
        Await.until("refused", Duration.ofSeconds(30), () -> gateway.status().lastError() != null);
        assertThat(gateway.status().lastError()).contains("SSLHandshakeException");
        assertThat(backend.received).isEmpty();
        assertThat(backend.identities).isEmpty();
    }

    @Test
    void withoutCaCertificatesAnyCertificateIsAcceptedAndTlsOnlyRefusesWs() throws Exception {
        backend = new OcaBackend(OcaBackend.freePort(), null);
        tls = new TlsTerminator(backendTls(), backend.port);
        support.evses.put("sim-1", FakeEvse.threePhase("sim-1", support.clock));
        gateway = support.gateway(settings("wss://127.0.0.1:" + tls.port() + "/", ""), directory);
        Await.until("booted over wss", Duration.ofSeconds(30), () -> !backend.received(BootNotificationRequest.class).isEmpty());

        assertThatThrownBy(() -> settings("ws://127.0.0.1:" + tls.port() + "/", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tlsOnly");
        assertThat(settings("wss://h/", "").toString()).doesNotContain(HEX_KEY);
    }
}
