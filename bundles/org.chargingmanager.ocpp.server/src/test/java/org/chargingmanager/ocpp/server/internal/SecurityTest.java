package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.RegistrationStatus;

/** TLS modes, passwords (security profiles 1 and 2) and client certificates (profile 3), with the Java-OCA-OCPP client. */
class SecurityTest {

    @TempDir
    Path data;

    private static void boots(OcaCharger charger) throws Exception {
        BootNotificationConfirmation boot = (BootNotificationConfirmation) charger.send(
                charger.core.createBootNotificationRequest("OCA", "Secure"));
        assertThat(boot.getStatus()).isEqualTo(RegistrationStatus.Accepted);
    }

    private SSLContext trusting(X509Certificate server, KeyStore clientKey) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", server);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = null;
        if (clientKey != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(clientKey, "pw".toCharArray());
        }
        SSLContext context = SSLContext.getInstance("TLSv1.3");
        context.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return context;
    }

    private X509Certificate generatedServerCertificate() throws Exception {
        return ServerKeyMaterial.readCertificates(data.resolve("ocpp-server/server-cert.pem")).get(0);
    }

    @Test
    void TC_086_detectServesWssAndWsOnTheSamePortWithAGeneratedCertificate() throws Exception {
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.DETECT))) {
            assertThat(data.resolve("ocpp-server/server-key.pem")).exists();
            assertThat(Files.getPosixFilePermissions(data.resolve("ocpp-server/server-key.pem"))).containsExactlyInAnyOrder(
                    java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
            try (OcaCharger secure = new OcaCharger("CP-WSS", null, trusting(generatedServerCertificate(), null))
                    .connect("wss://127.0.0.1:" + site.server.port());
                    OcaCharger plain = new OcaCharger("CP-WS", null, null).connect("ws://127.0.0.1:" + site.server.port())) {
                boots(secure);
                boots(plain);
            }
        }
    }

    @Test
    void tlsOnRefusesPlainConnections() throws Exception {
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.ON))) {
            assertThatThrownBy(() -> new RawCharger(site.url("/CP-PLAIN"))).isNotNull();
            try (OcaCharger secure = new OcaCharger("CP-ON", null, trusting(generatedServerCertificate(), null))
                    .connect("wss://127.0.0.1:" + site.server.port())) {
                boots(secure);
            }
        }
    }

    @Test
    void TC_085_basicAuthWithPerChargePointAndServerPasswords() throws Exception {
        try (TestSite site = TestSite.start(data)) {
            site.server.setServerPassword("server-Secret-1".toCharArray());
            site.server.setChargePointPassword("CP-OWN", "own-Secret-2".toCharArray());
            String passwords = Files.readString(data.resolve("ocpp-server/passwords.properties"));
            assertThat(passwords).contains("pbkdf2-sha256$").doesNotContain("Secret");
            try (OcaCharger withServerPassword = new OcaCharger("CP-ANY", "server-Secret-1", null).connect(site.url(""));
                    OcaCharger withOwn = new OcaCharger("CP-OWN", "own-Secret-2", null).connect(site.url(""))) {
                boots(withServerPassword);
                boots(withOwn);
            }
            assertThatThrownBy(() -> new OcaCharger("CP-OWN", "server-Secret-1", null).connect(site.url("")))
                    .isNotNull();
            assertThatThrownBy(() -> new OcaCharger("CP-NONE", null, null).connect(site.url(""))).isNotNull();
            assertThat(site.server.chargePoint("CP-NONE")).isEmpty();
        }
    }

    @Test
    void TC_087_clientCertificateSignedByTheConfiguredCaIsRequired() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair ca = generator.generateKeyPair();
        X509Certificate caCertificate = certificate("CN=Test CA", ca, "CN=Test CA", ca, true);
        Path caFile = data.resolve("ca.pem");
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(caCertificate);
        }
        Files.writeString(caFile, pem.toString());
        KeyPair client = generator.generateKeyPair();
        X509Certificate clientCertificate = certificate("CN=CP-CERT", client, "CN=Test CA", ca, false);
        KeyStore clientStore = KeyStore.getInstance("PKCS12");
        clientStore.load(null, null);
        clientStore.setKeyEntry("client", client.getPrivate(), "pw".toCharArray(),
                new java.security.cert.Certificate[] {clientCertificate, caCertificate});
        KeyPair stranger = generator.generateKeyPair();
        KeyStore strangerStore = KeyStore.getInstance("PKCS12");
        strangerStore.load(null, null);
        strangerStore.setKeyEntry("client", stranger.getPrivate(), "pw".toCharArray(),
                new java.security.cert.Certificate[] {certificate("CN=CP-CERT", stranger, "CN=CP-CERT", stranger, false)});

        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.DETECT).withClientCertificates(caFile))) {
            String url = "wss://127.0.0.1:" + site.server.port();
            try (OcaCharger charger = new OcaCharger("CP-CERT", null, trusting(generatedServerCertificate(), clientStore)).connect(url)) {
                boots(charger);
            }
            assertThatThrownBy(() -> new OcaCharger("CP-NOCERT", null, trusting(generatedServerCertificate(), null)).connect(url))
                    .isNotNull();
            assertThatThrownBy(() -> new OcaCharger("CP-STRANGER", null, trusting(generatedServerCertificate(), strangerStore)).connect(url))
                    .isNotNull();
            assertThatThrownBy(() -> new RawCharger(site.url("/CP-PLAIN"))).hasStackTraceContaining("403");
            assertThat(site.server.chargePoint("CP-NOCERT")).isEmpty();
            assertThat(site.server.chargePoint("CP-STRANGER")).isEmpty();
        }
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            boolean ca) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400)),
                new X500Name(subject), subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }
}
