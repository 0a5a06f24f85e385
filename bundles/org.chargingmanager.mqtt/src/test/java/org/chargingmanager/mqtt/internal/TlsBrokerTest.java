package org.chargingmanager.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.chargingmanager.testkit.Await;

/** ssl:// with the broker's CA as a PEM file: connects; with another CA it does not. */
class TlsBrokerTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path directory;

    /** A self-signed certificate for 127.0.0.1 (keytool of the running JDK), and its PEM. */
    private Path certificate(String name) throws IOException, InterruptedException {
        Path keyStore = directory.resolve(name + ".jks");
        Path pem = directory.resolve(name + ".pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keyStore.toString(), "-storepass",
                PASSWORD, "-keypass", PASSWORD, "-storetype", "JKS");
        run(keytool, "-exportcert", "-rfc", "-alias", name, "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", pem.toString());
        return keyStore;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
    }

    private HomieBridge bridge(TestBroker broker, Path ca) {
        MqttSettings settings = new MqttSettings("ssl://127.0.0.1:" + broker.sslPort, "cm-tls-" + System.nanoTime(), "",
                new char[0], ca, "homie", "chargingmanager", "Charging Manager", false, "homeassistant");
        TestVariables variables = new TestVariables();
        SiteReader reader = new SiteReader();
        HomieBridge bridge = new HomieBridge(settings,
                () -> reader.read(variables, List.of(), List.of(), HouseLimitSettings.DEFAULTS), variables,
                Clock.systemUTC(), Duration.ofMillis(100));
        bridge.start();
        return bridge;
    }

    @Test
    void connectsOverTlsTrustingTheGivenCaOnly() throws Exception {
        Path keyStore = certificate("broker");
        certificate("stranger");
        try (TestBroker broker = TestBroker.withTls(keyStore, PASSWORD);
                MqttRecorder recorder = new MqttRecorder(broker.url())) {
            HomieBridge stranger = bridge(broker, directory.resolve("stranger.pem"));
            try {
                int polls = stranger.polls();
                Await.until("polls", () -> stranger.polls() >= polls + 10);
                assertThat(stranger.connects()).as("a broker certificate from another CA is refused").isZero();
                assertThat(recorder.topicsStartingWith("homie/")).isEmpty();
            } finally {
                stranger.stop();
            }
            HomieBridge trusted = bridge(broker, directory.resolve("broker.pem"));
            try {
                Await.until("ready over TLS", () -> "ready".equals(recorder.get("homie/chargingmanager/$state")));
                assertThat(recorder.get("homie/chargingmanager/$nodes")).isEqualTo("variables,grid");
            } finally {
                trusted.stop();
            }
        }
    }
}
