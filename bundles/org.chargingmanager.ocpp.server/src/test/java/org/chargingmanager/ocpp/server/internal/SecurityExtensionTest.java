package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import javax.net.ssl.SSLContext;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.CertificationRequest;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.chargingmanager.ocpp.server.CertificateHashes;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.v16.CertificateHashData;
import org.chargingmanager.ocpp.v16.CertificateStatus;
import org.chargingmanager.ocpp.v16.CertificateUse;
import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.chargingmanager.ocpp.v16.DeleteCertificateConfirmation;
import org.chargingmanager.ocpp.v16.DeleteCertificateRequest;
import org.chargingmanager.ocpp.v16.DeleteCertificateStatus;
import org.chargingmanager.ocpp.v16.GetInstalledCertificateIdsConfirmation;
import org.chargingmanager.ocpp.v16.GetInstalledCertificateIdsRequest;
import org.chargingmanager.ocpp.v16.GetInstalledCertificateStatus;
import org.chargingmanager.ocpp.v16.HashAlgorithm;
import org.chargingmanager.ocpp.v16.InstallCertificateConfirmation;
import org.chargingmanager.ocpp.v16.InstallCertificateRequest;
import org.chargingmanager.ocpp.v16.TriggerMessageStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The OCPP 1.6 security extension over real WebSockets with a raw charger (the Java-OCA-OCPP
 * 1.1.0 client has no security extension): TC_073 password change, TC_074 certificate signing
 * and the certificate then used for security profile 3, TC_075/TC_076 root certificates.
 */
class SecurityExtensionTest {

    private static final long WAIT_SECONDS = 20;

    @TempDir
    Path data;

    // ---------------------------------------------------------------- TC_073 password

    @Test
    void TC_073_newPasswordAcceptedByTheChargerReplacesTheOldOne() throws Exception {
        try (TestSite site = TestSite.start(data)) {
            site.server.setChargePointPassword("CP-PW", "old-Password-123".toCharArray());
            String key;
            try (RawCharger charger = new RawCharger(site.url("/CP-PW"), null, "CP-PW", "old-Password-123")) {
                boot(charger);
                charger.answerer = status("ChangeConfiguration", "Accepted");
                ConfigurationStatus status = site.server.changeChargePointPassword("CP-PW").toCompletableFuture()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS);
                assertThat(status).isEqualTo(ConfigurationStatus.ACCEPTED);
                key = authorizationKeySentTo(charger);
            }
            assertThat(key).matches("[0-9a-f]{40}");
            String password = new String(HexFormat.of().parseHex(key), StandardCharsets.UTF_8);
            assertThat(password).matches("[A-Za-z0-9]{20}");
            String stored = Files.readString(data.resolve("ocpp-server/passwords.properties"));
            assertThat(stored).contains("CP-PW=pbkdf2-sha256$").doesNotContain(password).doesNotContain(key);

            // the charger decodes the key and sends its bytes, as the whitepaper says ...
            try (RawCharger charger = new RawCharger(site.url("/CP-PW"), null, "CP-PW", password)) {
                boot(charger);
            }
            // ... or sends the hex text itself, as some do
            try (RawCharger charger = new RawCharger(site.url("/CP-PW"), null, "CP-PW", key)) {
                boot(charger);
            }
            assertThatThrownBy(() -> new RawCharger(site.url("/CP-PW"), null, "CP-PW", "old-Password-123"))
                    .hasStackTraceContaining("401");
        }
    }

    @Test
    void TC_073_rejectedNotSupportedOrUnansweredKeepsTheOldPassword() throws Exception {
        ServerSettings settings = ServerSettings.forTest(data).withTimings(Duration.ofSeconds(15), Duration.ofSeconds(1),
                Duration.ofSeconds(5));
        try (TestSite site = new TestSite(settings)) {
            site.server.setChargePointPassword("CP-KEEP", "old-Password-456".toCharArray());
            try (RawCharger charger = new RawCharger(site.url("/CP-KEEP"), null, "CP-KEEP", "old-Password-456")) {
                boot(charger);
                for (String answer : List.of("Rejected", "NotSupported")) {
                    charger.answerer = status("ChangeConfiguration", answer);
                    ConfigurationStatus status = site.server.changeChargePointPassword("CP-KEEP").toCompletableFuture()
                            .get(WAIT_SECONDS, TimeUnit.SECONDS);
                    assertThat(status.wireValue()).isEqualTo(answer);
                    authorizationKeySentTo(charger);
                }
                charger.answerer = call -> isAuthorizationKey(call) ? null : "{}";
                assertThatThrownBy(() -> site.server.changeChargePointPassword("CP-KEEP", "given-Password-789".toCharArray())
                        .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS))
                        .isInstanceOf(ExecutionException.class).cause().isInstanceOf(OcppCallException.class)
                        .hasMessageContaining("no answer");
                assertThatThrownBy(() -> site.server.changeChargePointPassword("CP-KEEP", "too-short".toCharArray())
                        .toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS))
                        .cause().isInstanceOf(IllegalArgumentException.class);
            }
            try (RawCharger charger = new RawCharger(site.url("/CP-KEEP"), null, "CP-KEEP", "old-Password-456")) {
                boot(charger);
            }
            assertThatThrownBy(() -> new RawCharger(site.url("/CP-KEEP"), null, "CP-KEEP", "given-Password-789"))
                    .hasStackTraceContaining("401");
            assertThatThrownBy(() -> site.server.changeChargePointPassword("CP-NEVER-SEEN").toCompletableFuture()
                    .get(WAIT_SECONDS, TimeUnit.SECONDS)).cause().isInstanceOf(OcppCallException.class);
        }
    }

    // ---------------------------------------------------------------- TC_074 certificates

    @Test
    void TC_074_csrIsSignedByTheChargePointCaAndTheCertificateOpensSecurityProfile3() throws Exception {
        KeyPair keys = ec();
        List<X509Certificate> chain;
        X509Certificate ca;
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.DETECT))) {
            ca = site.server.chargePointCaCertificates().get(0);
            assertThat(Files.getPosixFilePermissions(data.resolve("ocpp-server/charge-point-ca-key.pem")))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            try (RawCharger charger = RawCharger.booted(site, "CP-SEC")) {
                charger.answerer = call -> switch (call.get(2).getAsString()) {
                    case "ExtendedTriggerMessage", "CertificateSigned" -> "{\"status\":\"Accepted\"}";
                    default -> "{}";
                };
                // the operator asks for a new certificate; the charger makes a key pair and sends its CSR
                assertThat(site.server.renewChargePointCertificate("CP-SEC").toCompletableFuture()
                        .get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(TriggerMessageStatus.ACCEPTED);
                JsonObject trigger = charger.nextServerCall("ExtendedTriggerMessage").get(3).getAsJsonObject();
                assertThat(trigger.get("requestedMessage").getAsString()).isEqualTo("SignChargePointCertificate");

                String answer = charger.call("SignCertificate", csrPayload(csr("CN=CP-SEC, O=Test CPO", keys)));
                assertThat(answer).startsWith("[3,").contains("\"Accepted\"");
                String pem = charger.nextServerCall("CertificateSigned").get(3).getAsJsonObject()
                        .get("certificateChain").getAsString();
                chain = certificates(pem);
            }
        }
        assertThat(chain).hasSize(2);
        X509Certificate leaf = chain.get(0);
        assertThat(chain.get(1)).isEqualTo(ca);
        assertThat(leaf.getPublicKey()).isEqualTo(keys.getPublic());
        assertThat(leaf.getSubjectX500Principal().getName()).contains("CN=CP-SEC").contains("O=Test CPO");
        assertThat(leaf.getBasicConstraints()).isEqualTo(-1);
        assertThat(leaf.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.2");
        assertThat(leaf.getKeyUsage()[0]).as("digitalSignature").isTrue();
        assertThat(leaf.getKeyUsage()[4]).as("keyAgreement").isTrue();
        assertThat(leaf.getNotAfter().toInstant()).isBetween(Instant.now().plus(Duration.ofDays(729)),
                Instant.now().plus(Duration.ofDays(731)));
        PKIXParameters pkix = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        pkix.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(
                CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), pkix);

        // security profile 3: client certificates required, only the charge-point CA configured (no client CA file)
        X509Certificate server = ServerKeyMaterial.readCertificates(data.resolve("ocpp-server/server-cert.pem")).get(0);
        SSLContext withCertificate = TestTls.context(server, keys, chain);
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.ON).withClientCertificates(null))) {
            String base = "wss://127.0.0.1:" + site.server.port();
            try (RawCharger charger = new RawCharger(base + "/CP-SEC", withCertificate, null, null)) {
                boot(charger);
                assertThat(site.server.chargePoint("CP-SEC").orElseThrow().connected()).isTrue();
            }
            assertThatThrownBy(() -> new RawCharger(base + "/CP-OTHER", withCertificate, null, null))
                    .hasStackTraceContaining("403");
            assertThatThrownBy(() -> new RawCharger(base + "/CP-SEC", TestTls.context(server, null, null), null, null)).isNotNull();
            assertThat(site.server.chargePoint("CP-OTHER")).isEmpty();
        }
        // an installer whose CA names wallboxes differently switches the name check off
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.ON).withClientCertificates(null)
                .withoutClientCertificateNameCheck());
                RawCharger charger = new RawCharger("wss://127.0.0.1:" + site.server.port() + "/CP-OTHER", withCertificate,
                        null, null)) {
            boot(charger);
            assertThat(site.server.chargePoint("CP-OTHER").orElseThrow().connected()).isTrue();
        }
    }

    @Test
    void TC_074_csrForAnotherChargeBoxIdWeakOrMalformedIsRejectedWithoutACertificate() throws Exception {
        try (TestSite site = TestSite.start(data); RawCharger charger = RawCharger.booted(site, "CP-CSR")) {
            KeyPair keys = ec();
            PKCS10CertificationRequest other = csr("CN=CP-OTHER, O=Test CPO", keys);
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(1024);
            KeyPair weak = rsa.generateKeyPair();
            PKCS10CertificationRequest good = csr("CN=CP-CSR", keys);
            PKCS10CertificationRequest forged = new PKCS10CertificationRequest(new CertificationRequest(
                    good.toASN1Structure().getCertificationRequestInfo(), good.getSignatureAlgorithm(),
                    csr("CN=CP-CSR", ec()).toASN1Structure().getSignature()));
            List<String> payloads = List.of(csrPayload(other), csrPayload(forged),
                    csrPayload(csr("CN=CP-CSR", weak, "SHA256withRSA")), csrPayload(csr("O=Test CPO", keys)),
                    "{\"csr\":\"not a CSR\"}",
                    "{\"csr\":\"-----BEGIN CERTIFICATE REQUEST-----\\nAAAAAAAA\\n-----END CERTIFICATE REQUEST-----\\n\"}",
                    "{\"csr\":\"-----BEGIN CERTIFICATE-----\\nMIIB\\n-----END CERTIFICATE-----\\n\"}");
            for (String payload : payloads) {
                assertThat(charger.call("SignCertificate", payload)).startsWith("[3,").contains("\"Rejected\"");
            }
            assertThat(charger.call("Heartbeat", "{}")).contains("currentTime");
            Thread.sleep(300);
            assertThat(charger.serverCalls).noneMatch(frame -> frame.contains("CertificateSigned"));
            // the same charger with its own charge box ID is signed
            charger.answerer = status("CertificateSigned", "Accepted");
            assertThat(charger.call("SignCertificate", csrPayload(good))).contains("\"Accepted\"");
            assertThat(charger.nextServerCall("CertificateSigned")).isNotNull();
        }
    }

    @Test
    void TC_077_TC_078_securityEventsOfBadCertificatesAreAnsweredAndTheConnectionGoesOn() throws Exception {
        try (TestSite site = TestSite.start(data); RawCharger charger = RawCharger.booted(site, "CP-EVENTS")) {
            for (String type : List.of("InvalidChargePointCertificate", "InvalidCentralSystemCertificate")) {
                assertThat(charger.call("SecurityEventNotification", "{\"type\":\"" + type
                        + "\",\"timestamp\":\"2026-01-02T03:04:05Z\",\"techInfo\":\"test\"}")).matches("\\[3,\"c\\d+\",\\{\\}\\]");
            }
            assertThat(charger.call("Heartbeat", "{}")).contains("currentTime");
        }
    }

    // ---------------------------------------------------------------- TC_075 / TC_076 root certificates

    @Test
    void TC_075_TC_076_installListAndDeleteRootCertificates() throws Exception {
        KeyPair rootKeys = ec();
        X509Certificate root = certificate("CN=Test Central System Root", rootKeys, "CN=Test Central System Root", rootKeys, true);
        CertificateHashData expected = ocspHashes(root, root);
        AtomicBoolean installed = new AtomicBoolean();
        try (TestSite site = TestSite.start(data); RawCharger charger = RawCharger.booted(site, "CP-ROOTS")) {
            charger.answerer = call -> {
                JsonObject payload = call.get(3).getAsJsonObject();
                switch (call.get(2).getAsString()) {
                    case "InstallCertificate": {
                        boolean central = payload.get("certificateType").getAsString().equals("CentralSystemRootCertificate");
                        installed.set(installed.get() || central);
                        return "{\"status\":\"" + (central ? "Accepted" : "Rejected") + "\"}";
                    }
                    case "GetInstalledCertificateIds":
                        // upper case hex, as some chargers write it
                        return installed.get() ? "{\"status\":\"Accepted\",\"certificateHashData\":[{\"hashAlgorithm\":\"SHA256\","
                                + "\"issuerNameHash\":\"" + expected.issuerNameHash().toUpperCase() + "\",\"issuerKeyHash\":\""
                                + expected.issuerKeyHash().toUpperCase() + "\",\"serialNumber\":\"" + expected.serialNumber()
                                + "\"}]}" : "{\"status\":\"NotFound\"}";
                    case "DeleteCertificate": {
                        JsonObject hash = payload.get("certificateHashData").getAsJsonObject();
                        boolean match = installed.get() && hash.get("issuerNameHash").getAsString().equals(expected.issuerNameHash())
                                && hash.get("issuerKeyHash").getAsString().equals(expected.issuerKeyHash())
                                && hash.get("serialNumber").getAsString().equals(expected.serialNumber());
                        installed.set(installed.get() && !match);
                        return "{\"status\":\"" + (match ? "Accepted" : "NotFound") + "\"}";
                    }
                    default:
                        return "{}";
                }
            };
            String pem = pem(root);
            InstallCertificateConfirmation install = (InstallCertificateConfirmation) get(site.server.send("CP-ROOTS",
                    new InstallCertificateRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE, pem)));
            assertThat(install.status()).isEqualTo(CertificateStatus.ACCEPTED);
            JsonObject sent = charger.nextServerCall("InstallCertificate").get(3).getAsJsonObject();
            assertThat(certificates(sent.get("certificate").getAsString())).containsExactly(root);
            InstallCertificateConfirmation manufacturer = (InstallCertificateConfirmation) get(site.server.send("CP-ROOTS",
                    new InstallCertificateRequest(CertificateUse.MANUFACTURER_ROOT_CERTIFICATE, pem)));
            assertThat(manufacturer.status()).isEqualTo(CertificateStatus.REJECTED);

            GetInstalledCertificateIdsConfirmation ids = (GetInstalledCertificateIdsConfirmation) get(site.server.send(
                    "CP-ROOTS", new GetInstalledCertificateIdsRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE)));
            assertThat(ids.status()).isEqualTo(GetInstalledCertificateStatus.ACCEPTED);
            assertThat(ids.certificateHashData()).hasSize(1);
            CertificateHashData ours = CertificateHashes.of(root, HashAlgorithm.SHA256);
            assertThat(ours).isEqualTo(expected);
            assertThat(CertificateHashes.sameCertificate(ids.certificateHashData().get(0), ours)).isTrue();

            DeleteCertificateConfirmation deleted = (DeleteCertificateConfirmation) get(site.server.send("CP-ROOTS",
                    new DeleteCertificateRequest(ours)));
            assertThat(deleted.status()).isEqualTo(DeleteCertificateStatus.ACCEPTED);
            DeleteCertificateConfirmation again = (DeleteCertificateConfirmation) get(site.server.send("CP-ROOTS",
                    new DeleteCertificateRequest(ours)));
            assertThat(again.status()).isEqualTo(DeleteCertificateStatus.NOT_FOUND);
            GetInstalledCertificateIdsConfirmation none = (GetInstalledCertificateIdsConfirmation) get(site.server.send(
                    "CP-ROOTS", new GetInstalledCertificateIdsRequest(CertificateUse.CENTRAL_SYSTEM_ROOT_CERTIFICATE)));
            assertThat(none.status()).isEqualTo(GetInstalledCertificateStatus.NOT_FOUND);
        }
    }

    @Test
    void certificateHashesAgreeWithBouncyCastlesOcspCertificateIdForEveryAlgorithm() throws Exception {
        KeyPair rootKeys = ec();
        X509Certificate root = certificate("CN=Root, O=Test", rootKeys, "CN=Root, O=Test", rootKeys, true);
        KeyPair leafKeys = ec();
        X509Certificate leaf = certificate("CN=CP-1", leafKeys, "CN=Root, O=Test", rootKeys, false);
        for (HashAlgorithm algorithm : HashAlgorithm.values()) {
            CertificateHashData ours = CertificateHashes.of(leaf, root, algorithm);
            CertificateID ocsp = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(
                    new AlgorithmIdentifier(switch (algorithm) {
                        case SHA256 -> NISTObjectIdentifiers.id_sha256;
                        case SHA384 -> NISTObjectIdentifiers.id_sha384;
                        case SHA512 -> NISTObjectIdentifiers.id_sha512;
                    })), new JcaX509CertificateHolder(root), leaf.getSerialNumber());
            assertThat(ours.hashAlgorithm()).isEqualTo(algorithm);
            assertThat(ours.issuerNameHash()).isEqualTo(HexFormat.of().formatHex(ocsp.getIssuerNameHash()));
            assertThat(ours.issuerKeyHash()).isEqualTo(HexFormat.of().formatHex(ocsp.getIssuerKeyHash()));
            assertThat(ours.serialNumber()).isEqualTo(leaf.getSerialNumber().toString(16)).doesNotStartWith("0");
        }
        assertThatThrownBy(() -> CertificateHashes.of(leaf, HashAlgorithm.SHA256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CertificateHashes.of(root, leaf, HashAlgorithm.SHA256)).isInstanceOf(IllegalArgumentException.class);
        CertificateHashData data = CertificateHashes.of(leaf, root, HashAlgorithm.SHA256);
        assertThat(CertificateHashes.sameCertificate(data, new CertificateHashData(HashAlgorithm.SHA256,
                data.issuerNameHash().toUpperCase(), data.issuerKeyHash().toUpperCase(), "00" + data.serialNumber()))).isTrue();
        assertThat(CertificateHashes.sameCertificate(data, CertificateHashes.of(root, HashAlgorithm.SHA256))).isFalse();
    }

    @Test
    void installersCaSignsAndAKeyOfAnotherCaIsRefused() throws Exception {
        KeyPair caKeys = ec();
        X509Certificate installerCa = certificate("CN=Installer CA", caKeys, "CN=Installer CA", caKeys, true);
        Path certificateFile = data.resolve("installer-ca.pem");
        Path keyFile = data.resolve("installer-ca-key.pem");
        Files.writeString(certificateFile, pem(installerCa));
        // PKCS#8, as "openssl genpkey" writes it
        Files.writeString(keyFile, pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(caKeys.getPrivate(), null)));
        ChargePointCa ca = ChargePointCa.load(data, new CertificateAuthoritySettings(certificateFile, keyFile, new char[0],
                Duration.ofDays(90)));
        KeyPair charger = ec();
        ChargePointCa.Signed signed = ca.sign("CP-INST", pem(csr("CN=CP-INST", charger)));
        signed.certificate().verify(caKeys.getPublic());
        assertThat(signed.certificate().getNotAfter().toInstant()).isBefore(Instant.now().plus(Duration.ofDays(91)));
        assertThat(certificates(signed.chainPem())).containsExactly(signed.certificate(), installerCa);
        assertThat(data.resolve("ocpp-server/charge-point-ca.pem")).doesNotExist();

        Files.writeString(keyFile, pem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(ec().getPrivate(), null)));
        assertThatThrownBy(() -> ChargePointCa.load(data, new CertificateAuthoritySettings(certificateFile, keyFile,
                new char[0], Duration.ofDays(90)))).hasMessageContaining("does not belong");
    }

    // ---------------------------------------------------------------- helpers

    private static void boot(RawCharger charger) throws InterruptedException {
        String answer = charger.call("BootNotification", "{\"chargePointVendor\":\"Raw\",\"chargePointModel\":\"Secure\"}");
        assertThat(answer).contains("Accepted");
    }

    private static boolean isAuthorizationKey(JsonArray call) {
        return call.get(2).getAsString().equals("ChangeConfiguration")
                && call.get(3).getAsJsonObject().get("key").getAsString().equals("AuthorizationKey");
    }

    /** Answers every CALL of this action with this status, everything else with {}. */
    private static Function<JsonArray, String> status(String action, String status) {
        return call -> call.get(2).getAsString().equals(action) ? "{\"status\":\"" + status + "\"}" : "{}";
    }

    /** The AuthorizationKey of the next ChangeConfiguration for it (others, e.g. measurands, are skipped). */
    private static String authorizationKeySentTo(RawCharger charger) throws InterruptedException {
        while (true) {
            JsonArray call = charger.nextServerCall("ChangeConfiguration");
            if (isAuthorizationKey(call)) {
                return call.get(3).getAsJsonObject().get("value").getAsString();
            }
        }
    }

    private static Object get(java.util.concurrent.CompletionStage<?> stage) throws Exception {
        return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private static KeyPair ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static PKCS10CertificationRequest csr(String subject, KeyPair keys) throws Exception {
        return csr(subject, keys, "SHA256withECDSA");
    }

    private static PKCS10CertificationRequest csr(String subject, KeyPair keys, String algorithm) throws Exception {
        return new JcaPKCS10CertificationRequestBuilder(new X500Name(subject), keys.getPublic())
                .build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate()));
    }

    private static String csrPayload(PKCS10CertificationRequest csr) throws Exception {
        JsonObject payload = new JsonObject();
        payload.addProperty("csr", pem(csr));
        return payload.toString();
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

    /** The hash data as an OCSP CertID computes it (Bouncy Castle), lower case hex. */
    private static CertificateHashData ocspHashes(X509Certificate certificate, X509Certificate issuer) throws Exception {
        CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(
                new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)), new JcaX509CertificateHolder(issuer),
                certificate.getSerialNumber());
        return new CertificateHashData(HashAlgorithm.SHA256, HexFormat.of().formatHex(id.getIssuerNameHash()),
                HexFormat.of().formatHex(id.getIssuerKeyHash()), certificate.getSerialNumber().toString(16));
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                new BigInteger(64, new java.security.SecureRandom()).setBit(63), Date.from(now.minusSeconds(3600)),
                Date.from(now.plusSeconds(86400)), new X500Name(subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
