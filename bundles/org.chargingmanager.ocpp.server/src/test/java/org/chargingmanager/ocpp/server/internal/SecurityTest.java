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
            assertThatThrownBy(() -> new RawCharger(site.url("/CP-PLAIN"))).satisfies(SecurityTest::noWebSocketOpened);
            assertThat(site.server.chargePoint("CP-PLAIN")).isEmpty();
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
            // the OCA client only reports "closed" (it logs the HTTP status at debug level): refused before opening,
            // and the same request from the JDK client shows the status, 401
            refusedBeforeOpening(() -> new OcaCharger("CP-OWN", "server-Secret-1", null).connect(site.url("")));
            assertThatThrownBy(() -> new RawCharger(site.url("/CP-OWN"), null, "CP-OWN", "server-Secret-1"))
                    .hasStackTraceContaining("401");
            refusedBeforeOpening(() -> new OcaCharger("CP-NONE", null, null).connect(site.url("")));
            assertThatThrownBy(() -> new RawCharger(site.url("/CP-NONE"))).hasStackTraceContaining("401");
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
            refusedBeforeOpening(() -> new OcaCharger("CP-NOCERT", null, trusting(generatedServerCertificate(), null)).connect(url));
            refusedBeforeOpening(() -> new OcaCharger("CP-STRANGER", null, trusting(generatedServerCertificate(), strangerStore)).connect(url));
            // what the OCA client does not show: the TLS handshake itself fails
            assertThat(handshakeFailure(trusting(generatedServerCertificate(), null), site.server.port()))
                    .isInstanceOf(javax.net.ssl.SSLException.class);
            assertThat(handshakeFailure(trusting(generatedServerCertificate(), strangerStore), site.server.port()))
                    .isInstanceOf(javax.net.ssl.SSLException.class);
            assertThat(handshakeFailure(trusting(generatedServerCertificate(), clientStore), site.server.port())).isNull();
            assertThatThrownBy(() -> new RawCharger(site.url("/CP-PLAIN"))).hasStackTraceContaining("403");
            assertThat(site.server.chargePoint("CP-NOCERT")).isEmpty();
            assertThat(site.server.chargePoint("CP-STRANGER")).isEmpty();
        }
    }

    /** The OCA client's connect failed because the connection closed before it opened (not a timeout). */
    private static void refusedBeforeOpening(org.assertj.core.api.ThrowableAssert.ThrowingCallable connect) {
        assertThatThrownBy(connect).isInstanceOf(java.util.concurrent.ExecutionException.class)
                .hasRootCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("closed");
    }

    /** The JDK WebSocket client's failure: no upgrade (an I/O error or a non-101 answer), not a timeout. */
    private static void noWebSocketOpened(Throwable thrown) {
        assertThat(causes(thrown)).anySatisfy(cause -> assertThat(cause).isInstanceOfAny(java.io.IOException.class));
        assertThat(causes(thrown)).noneSatisfy(cause -> assertThat(cause)
                .isInstanceOfAny(java.net.http.HttpTimeoutException.class, java.util.concurrent.TimeoutException.class));
    }

    private static java.util.List<Throwable> causes(Throwable thrown) {
        java.util.List<Throwable> all = new java.util.ArrayList<>();
        for (Throwable t = thrown; t != null && !all.contains(t); t = t.getCause()) {
            all.add(t);
        }
        return all;
    }

    /**
     * A TLS handshake with the server on loopback (no host name check) and one request over it:
     * null when it succeeded, else the TLS failure (also when the
     * server closed the connection it refused before our request got through).
     */
    private static Exception handshakeFailure(SSLContext context, int port) throws Exception {
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.startHandshake();
            // TLS 1.3: a refused client certificate shows on the first read
            socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.getInputStream().read();
            return null;
        } catch (javax.net.ssl.SSLException e) {
            return e;
        } catch (java.net.SocketException e) {
            // TLS 1.3: the server may have sent its alert and closed before our request got through
            return new javax.net.ssl.SSLException("the server closed the TLS connection it refused", e);
        }
    }

    /** The certificate the server presents in a TLS handshake (trusting exactly {@code expected}). */
    private static X509Certificate presented(int port, X509Certificate expected, String protocol) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", expected);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        try (javax.net.ssl.SSLSocket socket = (javax.net.ssl.SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    /**
     * Sends a hand-made ClientHello offering only this legacy version (0x0301 TLS 1.0, 0x0302 TLS 1.1;
     * the JDK's own client refuses to offer them) and returns the server's first record:
     * content type, then the payload.
     */
    private static byte[] answerToLegacyClientHello(int port, int version) throws Exception {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(version >> 8);
        body.write(version & 0xff);
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        body.write(random);
        body.write(0); // no session id
        int[] suites = {0xC013, 0xC014, 0xC009, 0xC00A, 0x002F, 0x0035};
        body.write(0);
        body.write(suites.length * 2);
        for (int suite : suites) {
            body.write(suite >> 8);
            body.write(suite & 0xff);
        }
        body.write(1);
        body.write(0); // no compression
        byte[] hello = body.toByteArray();
        java.io.ByteArrayOutputStream record = new java.io.ByteArrayOutputStream();
        record.write(new byte[] {0x16, 0x03, 0x01, (byte) ((hello.length + 4) >> 8), (byte) (hello.length + 4), 0x01, 0,
                (byte) (hello.length >> 8), (byte) hello.length});
        record.write(hello);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(record.toByteArray());
            socket.getOutputStream().flush();
            java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
            int type = in.readUnsignedByte();
            in.readUnsignedShort();
            byte[] payload = new byte[in.readUnsignedShort()];
            in.readFully(payload);
            byte[] answer = new byte[payload.length + 1];
            answer[0] = (byte) type;
            System.arraycopy(payload, 0, answer, 1, payload.length);
            return answer;
        }
    }

    private static X509Certificate ownServerCertificate(KeyPair keys) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=own.example"),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86400)),
                new X500Name("CN=own.example"), keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new org.bouncycastle.asn1.x509.GeneralNames(
                new org.bouncycastle.asn1.x509.GeneralName(org.bouncycastle.asn1.x509.GeneralName.iPAddress, "127.0.0.1")));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    @Test
    void TC_086_anImportedPemCertificateAndKeyIsWhatTheServerPresents() throws Exception {
        KeyPair keys = rsa();
        X509Certificate own = ownServerCertificate(keys);
        Path certificate = data.resolve("own-cert.pem");
        Path key = data.resolve("own-key.pem");
        for (Object[] file : new Object[][] {{certificate, own}, {key, keys.getPrivate()}}) {
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(file[1]);
            }
            Files.writeString((Path) file[0], pem.toString());
        }
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.ON)
                .withCertificate(certificate, key, new char[0]))) {
            assertThat(presented(site.server.port(), own, "TLSv1.3")).isEqualTo(own);
            assertThat(presented(site.server.port(), own, "TLSv1.2")).isEqualTo(own);
            assertThat(data.resolve("ocpp-server/server-cert.pem")).doesNotExist();
        }
    }

    @Test
    void TC_086_anImportedPkcs12WithPasswordIsWhatTheServerPresents() throws Exception {
        KeyPair keys = rsa();
        X509Certificate own = ownServerCertificate(keys);
        Path file = data.resolve("own.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("own", keys.getPrivate(), "p12-Secret".toCharArray(), new java.security.cert.Certificate[] {own});
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "p12-Secret".toCharArray());
        }
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.ON)
                .withCertificate(file, null, "p12-Secret".toCharArray()))) {
            assertThat(presented(site.server.port(), own, "TLSv1.2")).isEqualTo(own);
            try (OcaCharger secure = new OcaCharger("CP-P12", null, trusting(own, null))
                    .connect("wss://127.0.0.1:" + site.server.port())) {
                boots(secure);
            }
        }
    }

    @Test
    void TC_086_tls10And11AreRefusedTls12Works() throws Exception {
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.ON))) {
            int port = site.server.port();
            for (int version : new int[] {0x0301, 0x0302}) {
                byte[] answer = answerToLegacyClientHello(port, version);
                assertThat(answer[0]).as("an alert, not a ServerHello, for version %x", version).isEqualTo((byte) 21);
                assertThat(answer[1]).as("fatal").isEqualTo((byte) 2);
                assertThat(answer[2]).as("protocol_version").isEqualTo((byte) 70);
            }
            assertThat(presented(port, generatedServerCertificate(), "TLSv1.2")).isEqualTo(generatedServerCertificate());
        }
    }

    @Test
    void TC_086_tlsOffRefusesWss() throws Exception {
        try (TestSite site = TestSite.start(data)) {
            X509Certificate any = ownServerCertificate(rsa());
            assertThat(handshakeFailure(trusting(any, null), site.server.port())).isInstanceOf(javax.net.ssl.SSLException.class);
            assertThatThrownBy(() -> new RawCharger("wss://127.0.0.1:" + site.server.port() + "/ocpp/CP-WSS",
                    trusting(any, null), null, null)).satisfies(thrown -> assertThat(causes(thrown))
                            .anySatisfy(cause -> assertThat(cause).isInstanceOf(javax.net.ssl.SSLException.class)));
            assertThat(site.server.chargePoint("CP-WSS")).isEmpty();
        }
    }

    @Test
    void TC_085_securityProfile2TheOcaClientOverWssWithBasicAuth() throws Exception {
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withTls(TlsMode.ON))) {
            site.server.setChargePointPassword("CP-SP2", "sp2-Secret-3".toCharArray());
            String url = "wss://127.0.0.1:" + site.server.port();
            try (OcaCharger charger = new OcaCharger("CP-SP2", "sp2-Secret-3", trusting(generatedServerCertificate(), null))
                    .connect(url)) {
                boots(charger);
            }
            refusedBeforeOpening(() -> new OcaCharger("CP-SP2", "wrong-Secret-4", trusting(generatedServerCertificate(), null))
                    .connect(url));
            assertThatThrownBy(() -> new RawCharger(url + "/CP-SP2", trusting(generatedServerCertificate(), null), "CP-SP2",
                    "wrong-Secret-4")).hasStackTraceContaining("401");
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
