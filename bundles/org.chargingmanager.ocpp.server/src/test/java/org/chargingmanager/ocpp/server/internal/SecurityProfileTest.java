package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.chargingmanager.ocpp.server.ChargePointStatus;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * TC_083 upgrade of a charge point's security profile and the downgrade protection that follows,
 * over real WebSockets (ws:// and wss:// on the same port, TLS Detect) with a raw charger.
 */
class SecurityProfileTest {

    private static final long WAIT_SECONDS = 20;
    private static final String PASSWORD = "upgrade-Password-1";

    @TempDir
    Path data;

    @Test
    void TC_083_chargerOnProfile1IsUpgradedTo2AndPlainConnectionsAreRefusedAfterwards() throws Exception {
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.DETECT))) {
            site.server.setChargePointPassword("CP-UP", PASSWORD.toCharArray());
            String ws = "ws://127.0.0.1:" + site.server.port() + "/CP-UP";
            String wss = "wss://127.0.0.1:" + site.server.port() + "/CP-UP";
            try (RawCharger charger = new RawCharger(ws, null, "CP-UP", PASSWORD)) {
                boot(charger);
                assertThat(status(site, "CP-UP").securityProfile()).isEqualTo(1);
                assertThat(status(site, "CP-UP").minimumSecurityProfile()).isZero();
                charger.answerer = answering("ChangeConfiguration", "Accepted", "Reset", "Accepted");

                assertThat(site.server.upgradeSecurityProfile("CP-UP", 2).toCompletableFuture()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(ConfigurationStatus.ACCEPTED);
                JsonObject change = securityProfileSentTo(charger);
                assertThat(change.get("value").getAsString()).isEqualTo("2");
                assertThat(charger.nextServerCall("Reset").get(3).getAsJsonObject().get("type").getAsString())
                        .isEqualTo("Hard");
                assertThat(site.server.minimumSecurityProfile("CP-UP")).isEqualTo(2);
                assertThat(Files.readString(data.resolve("ocpp-server/security-profiles.properties"))).contains("CP-UP=2");
                // the open connection goes on until the charger reconnects
                assertThat(status(site, "CP-UP").securityProfile()).isEqualTo(1);
            }
            TestSite.await("CP-UP offline", () -> !status(site, "CP-UP").connected());

            // the charger reconnects with the new profile: wss:// with its password
            try (RawCharger charger = new RawCharger(wss, tls(data), "CP-UP", PASSWORD)) {
                boot(charger);
                assertThat(status(site, "CP-UP").securityProfile()).isEqualTo(2);
                assertThat(status(site, "CP-UP").minimumSecurityProfile()).isEqualTo(2);
            }
            // ws:// with the right password is a downgrade: refused before the WebSocket exists
            assertThatThrownBy(() -> new RawCharger(ws, null, "CP-UP", PASSWORD)).hasStackTraceContaining("403");
            // the wrong password over wss:// is still 401
            assertThatThrownBy(() -> new RawCharger(wss, tls(data), "CP-UP", "wrong-Password-99"))
                    .hasStackTraceContaining("401");
        }
        // the minimum survives a restart
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.DETECT))) {
            String ws = "ws://127.0.0.1:" + site.server.port() + "/CP-UP";
            assertThat(site.server.minimumSecurityProfile("CP-UP")).isEqualTo(2);
            assertThatThrownBy(() -> new RawCharger(ws, null, "CP-UP", PASSWORD)).hasStackTraceContaining("403");
            assertThat(site.server.chargePoint("CP-UP").map(ChargePointStatus::connected)).isNotEqualTo(
                    java.util.Optional.of(true));

            // a replaced wallbox starts on profile 1: the operator lowers the minimum explicitly
            site.server.setMinimumSecurityProfile("CP-UP", 1);
            try (RawCharger charger = new RawCharger(ws, null, "CP-UP", PASSWORD)) {
                boot(charger);
                assertThat(status(site, "CP-UP").securityProfile()).isEqualTo(1);
                assertThat(status(site, "CP-UP").minimumSecurityProfile()).isEqualTo(1);
            }
            assertThat(Files.readString(data.resolve("ocpp-server/security-profiles.properties"))).contains("CP-UP=1");
            assertThatThrownBy(() -> site.server.setMinimumSecurityProfile("CP-UP", 4))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> site.server.setMinimumSecurityProfile("CP/UP", 2))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(site.server.minimumSecurityProfile("CP-UP")).isEqualTo(1);
        }
    }

    @Test
    void TC_083_preconditionsAreCheckedBeforeAnythingIsSent() throws Exception {
        // no TLS: profile 2 and 3 are refused, profile 1 needs a password
        try (TestSite site = TestSite.start(data); RawCharger charger = RawCharger.booted(site, "CP-PLAIN")) {
            assertThat(status(site, "CP-PLAIN").securityProfile()).isZero();
            assertThat(refusal(site, "CP-PLAIN", 1)).contains("password");
            site.server.setChargePointPassword("CP-PLAIN", PASSWORD.toCharArray());
            assertThat(refusal(site, "CP-PLAIN", 2)).contains("TLS");
            assertThat(refusal(site, "CP-PLAIN", 3)).contains("TLS");
            assertThatThrownBy(() -> site.server.upgradeSecurityProfile("CP-PLAIN", 4).toCompletableFuture()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS)).cause().isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> site.server.upgradeSecurityProfile("CP-NEVER-SEEN", 2).toCompletableFuture()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS)).cause().isInstanceOf(OcppCallException.class);
            assertThat(site.server.minimumSecurityProfile("CP-PLAIN")).isZero();
        }
        // TLS, but no password: profile 2 refused; no client CA: profile 3 refused
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.DETECT));
                RawCharger charger = RawCharger.booted(site, "CP-NOPW")) {
            assertThat(refusal(site, "CP-NOPW", 2)).contains("password");
            site.server.setChargePointPassword("CP-NOPW", PASSWORD.toCharArray());
            assertThat(refusal(site, "CP-NOPW", 3)).contains("client certificates");
        }
        // connected with profile 2: going back to 1 is not an upgrade
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.DETECT))) {
            site.server.setChargePointPassword("CP-TWO", PASSWORD.toCharArray());
            try (RawCharger charger = new RawCharger("wss://127.0.0.1:" + site.server.port() + "/CP-TWO", tls(data),
                    "CP-TWO", PASSWORD)) {
                boot(charger);
                assertThat(status(site, "CP-TWO").securityProfile()).isEqualTo(2);
                assertThat(refusal(site, "CP-TWO", 1)).contains("lower");
                // a running transaction would be ended by the reset that follows the upgrade
                String start = charger.call("StartTransaction",
                        "{\"connectorId\":1,\"idTag\":\"TAG\",\"meterStart\":0,\"timestamp\":\"2024-01-01T00:00:00Z\"}");
                assertThat(start).startsWith("[3,");
                assertThat(refusal(site, "CP-TWO", 2)).contains("transaction");
                assertThat(charger.serverCalls.stream().noneMatch(frame -> frame.contains("SecurityProfile"))).isTrue();
            }
            assertThat(site.server.minimumSecurityProfile("CP-TWO")).isZero();
        }
        assertThat(data.resolve("ocpp-server/security-profiles.properties")).doesNotExist();
    }

    @Test
    void TC_083_rejectedNotSupportedOrUnansweredKeepTheMinimum() throws Exception {
        ServerSettings settings = ServerSettings.forTest(data).withTls(TlsMode.DETECT)
                .withTimings(Duration.ofSeconds(15), Duration.ofSeconds(1), Duration.ofSeconds(5));
        try (TestSite site = new TestSite(settings)) {
            site.server.setChargePointPassword("CP-NO", PASSWORD.toCharArray());
            String ws = "ws://127.0.0.1:" + site.server.port() + "/CP-NO";
            try (RawCharger charger = new RawCharger(ws, null, "CP-NO", PASSWORD)) {
                boot(charger);
                for (String answer : new String[] {"Rejected", "NotSupported"}) {
                    charger.answerer = answering("ChangeConfiguration", answer, "Reset", "Accepted");
                    assertThat(site.server.upgradeSecurityProfile("CP-NO", 2).toCompletableFuture()
                            .get(WAIT_SECONDS, TimeUnit.SECONDS).wireValue()).isEqualTo(answer);
                    securityProfileSentTo(charger);
                }
                charger.answerer = call -> call.get(2).getAsString().equals("ChangeConfiguration") ? null : "{}";
                assertThatThrownBy(() -> site.server.upgradeSecurityProfile("CP-NO", 2).toCompletableFuture()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause()
                        .isInstanceOf(OcppCallException.class).hasMessageContaining("no answer");
                assertThat(charger.serverCalls.stream().noneMatch(frame -> frame.contains("\"Reset\""))).isTrue();
            }
            assertThat(site.server.minimumSecurityProfile("CP-NO")).isZero();
            try (RawCharger charger = new RawCharger(ws, null, "CP-NO", PASSWORD)) {
                boot(charger);
                assertThat(status(site, "CP-NO").securityProfile()).isEqualTo(1);
            }
        }
    }

    @Test
    void TC_083_chargerOnProfile2IsUpgradedTo3AndItsPasswordAloneIsRefusedAfterwards() throws Exception {
        // the charge-point CA (generated in the data directory) is the client CA: certificates are
        // asked for but not required, so profile-2 chargers go on with their passwords
        ChargePointCa ca = ChargePointCa.load(data, CertificateAuthoritySettings.generated());
        Path caFile = data.resolve("ocpp-server/charge-point-ca.pem");
        assertThat(caFile).exists();
        ServerSettings base = ServerSettings.forTest(data).withTls(TlsMode.DETECT);
        ServerSettings settings = new ServerSettings(base.port(), base.host(), base.tlsMode(), base.dataDirectory(),
                base.certificateFile(), base.privateKeyFile(), base.keyPassword(), false, caFile,
                base.unknownChargePoints(), base.acceptWithoutAuthorizer(), base.heartbeatInterval(), base.pingInterval(),
                base.responseTimeout(), base.maxMessageBytes(), base.meterValueSampleInterval(),
                base.chargingProfileStackLevel(), base.phases(), base.maxCurrentMilliamps(),
                base.clearProfilesWhenDisabled(), base.bootTriggerDelay(), true, List.of());
        KeyPair keys = KeyPairGenerator.getInstance("EC").generateKeyPair();
        String csr = pem(new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=CP-THREE"), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        List<X509Certificate> chain = certificates(ca.sign("CP-THREE", csr).chainPem());
        try (TestSite site = new TestSite(settings)) {
            site.server.setChargePointPassword("CP-THREE", PASSWORD.toCharArray());
            String wss = "wss://127.0.0.1:" + site.server.port() + "/CP-THREE";
            try (RawCharger charger = new RawCharger(wss, tls(data), "CP-THREE", PASSWORD)) {
                boot(charger);
                assertThat(status(site, "CP-THREE").securityProfile()).isEqualTo(2);
                charger.answerer = answering("ChangeConfiguration", "RebootRequired", "Reset", "Accepted");
                assertThat(site.server.upgradeSecurityProfile("CP-THREE", 3).toCompletableFuture()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(ConfigurationStatus.REBOOT_REQUIRED);
                assertThat(securityProfileSentTo(charger).get("value").getAsString()).isEqualTo("3");
                charger.nextServerCall("Reset");
            }
            assertThat(site.server.minimumSecurityProfile("CP-THREE")).isEqualTo(3);
            TestSite.await("CP-THREE offline", () -> !status(site, "CP-THREE").connected());
            // with its certificate: profile 3
            try (RawCharger charger = new RawCharger(wss, tls(data, keys, chain), null, null)) {
                boot(charger);
                assertThat(status(site, "CP-THREE").securityProfile()).isEqualTo(3);
            }
            // the password alone over TLS, or over ws://, is a downgrade now
            assertThatThrownBy(() -> new RawCharger(wss, tls(data), "CP-THREE", PASSWORD)).hasStackTraceContaining("403");
            assertThatThrownBy(() -> new RawCharger("ws://127.0.0.1:" + site.server.port() + "/CP-THREE", null,
                    "CP-THREE", PASSWORD)).hasStackTraceContaining("403");
        }
        // without the name check any trusted certificate would open any ID: the password stays required
        try (TestSite site = new TestSite(settings.withoutClientCertificateNameCheck())) {
            String wss = "wss://127.0.0.1:" + site.server.port() + "/CP-THREE";
            assertThatThrownBy(() -> new RawCharger(wss, tls(data, keys, chain), null, null)).hasStackTraceContaining("401");
            try (RawCharger charger = new RawCharger(wss, tls(data, keys, chain), "CP-THREE", PASSWORD)) {
                boot(charger);
                assertThat(status(site, "CP-THREE").securityProfile()).isEqualTo(3);
            }
        }
    }

    @Test
    void connectionProfiles() {
        assertThat(UpgradeGate.securityProfile(false, false, false)).isZero();
        assertThat(UpgradeGate.securityProfile(true, false, false)).isZero();
        assertThat(UpgradeGate.securityProfile(false, false, true)).isEqualTo(1);
        assertThat(UpgradeGate.securityProfile(true, false, true)).isEqualTo(2);
        assertThat(UpgradeGate.securityProfile(true, true, false)).isEqualTo(3);
        assertThat(UpgradeGate.securityProfile(true, true, true)).isEqualTo(3);
    }

    // ---------------------------------------------------------------- helpers

    private static ChargePointStatus status(TestSite site, String id) {
        return site.server.chargePoint(id).orElseThrow();
    }

    private static String refusal(TestSite site, String id, int profile) {
        try {
            site.server.upgradeSecurityProfile(id, profile).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(OcppCallException.class);
            assertThat(((OcppCallException) e.getCause()).errorCode()).isEqualTo("Refused");
            return e.getCause().getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("security profile " + profile + " for " + id + " was not refused");
    }

    private static void boot(RawCharger charger) throws InterruptedException {
        String answer = charger.call("BootNotification", "{\"chargePointVendor\":\"Raw\",\"chargePointModel\":\"Profile\"}");
        assertThat(answer).contains("Accepted");
    }

    /** Answers the two actions with these statuses, everything else with {}. */
    private static Function<JsonArray, String> answering(String action, String status, String other, String otherStatus) {
        return call -> {
            String name = call.get(2).getAsString();
            if (name.equals(action)) {
                return "{\"status\":\"" + status + "\"}";
            }
            return name.equals(other) ? "{\"status\":\"" + otherStatus + "\"}" : "{}";
        };
    }

    /** The payload of the next ChangeConfiguration SecurityProfile (other keys, e.g. measurands, skipped). */
    private static JsonObject securityProfileSentTo(RawCharger charger) throws InterruptedException {
        while (true) {
            JsonObject payload = charger.nextServerCall("ChangeConfiguration").get(3).getAsJsonObject();
            if (payload.get("key").getAsString().equals("SecurityProfile")) {
                return payload;
            }
        }
    }

    private static SSLContext tls(Path data) throws Exception {
        return tls(data, null, null);
    }

    /** Trusts the server certificate the server generated in the data directory; with a client certificate if given. */
    private static SSLContext tls(Path data, KeyPair client, List<X509Certificate> chain) throws Exception {
        X509Certificate server = ServerKeyMaterial.readCertificates(data.resolve("ocpp-server/server-cert.pem")).get(0);
        return TestTls.context(server, client, chain);
    }

    private static String pem(Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    private static List<X509Certificate> certificates(String pem) throws Exception {
        List<X509Certificate> all = new ArrayList<>();
        for (java.security.cert.Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            all.add((X509Certificate) certificate);
        }
        return all;
    }
}
