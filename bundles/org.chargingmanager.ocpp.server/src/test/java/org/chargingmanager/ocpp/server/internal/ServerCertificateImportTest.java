package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Dictionary;
import java.util.Hashtable;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

/** An installer's own certificate for wss://: checked before it is stored, then used by the server's TLS. */
class ServerCertificateImportTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @TempDir
    Path data;

    @Test
    void aPemCertificateWithItsKeyIsTakenAndTheLeafComesFirst() throws Exception {
        KeyPair ca = rsa();
        KeyPair server = rsa();
        X509Certificate caCertificate = certificate("CN=Site CA", ca, "CN=Site CA", ca, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(900)));
        X509Certificate leaf = certificate("CN=cm.example.org", server, "CN=Site CA", ca, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));

        ServerCertificateImport.Checked checked = ServerCertificateImport.fromPem(pem(caCertificate, leaf), pem(server.getPrivate()),
                new char[0], NOW);

        assertThat(checked.chain()).containsExactly(leaf, caCertificate);
        assertThat(checked.key()).isEqualTo(server.getPrivate());
        assertThat(ServerCertificateImport.fromPem(pem(leaf) + pem(server.getPrivate()), "", new char[0], NOW).leaf())
                .as("certificate and key in one file").isEqualTo(leaf);
    }

    @Test
    void badMaterialIsRefusedWithAClearMessageAndTheFieldToFix() throws Exception {
        KeyPair server = rsa();
        X509Certificate leaf = selfSigned(server, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));

        assertRejected(() -> ServerCertificateImport.fromPem(pem(leaf), pem(rsa().getPrivate()), new char[0], NOW),
                "cert.keyMismatch", "privateKey", "the private key does not belong to the certificate");
        assertRejected(() -> ServerCertificateImport.fromPem(pem(leaf), "", new char[0], NOW),
                "cert.noKey", "privateKey", "no private key: choose the key file (PEM, -----BEGIN PRIVATE KEY-----)");
        assertRejected(() -> ServerCertificateImport.fromPem("hello", pem(server.getPrivate()), new char[0], NOW),
                "cert.badPem", "certificate", "not a PEM file (no -----BEGIN ...----- block)");
        assertRejected(() -> ServerCertificateImport.fromPem(pem(server.getPrivate()), "", new char[0], NOW),
                "cert.noCertificate", "certificate", "the certificate file holds no certificate (expected -----BEGIN CERTIFICATE-----)");
        assertRejected(() -> ServerCertificateImport.fromPem("", "", new char[0], NOW),
                "cert.missing", "certificate", "choose the certificate file (PEM)");
        X509Certificate expired = selfSigned(server, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(35)));
        assertRejected(() -> ServerCertificateImport.fromPem(pem(expired), pem(server.getPrivate()), new char[0], NOW),
                "cert.expired", "certificate", "the certificate expired on " + NOW.minus(Duration.ofDays(35)));
        X509Certificate future = selfSigned(server, NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(40)));
        assertRejected(() -> ServerCertificateImport.fromPem(pem(future), pem(server.getPrivate()), new char[0], NOW),
                "cert.notYetValid", "certificate", "the certificate is valid only from " + NOW.plus(Duration.ofDays(2)));
    }

    @Test
    void anEncryptedKeyNeedsItsPassword() throws Exception {
        KeyPair server = rsa();
        X509Certificate leaf = selfSigned(server, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        String encrypted = encryptedPem(server, "key-secret");

        assertRejected(() -> ServerCertificateImport.fromPem(pem(leaf), encrypted, new char[0], NOW),
                "cert.keyPassword", "password", "the private key is encrypted: enter its password");
        assertRejected(() -> ServerCertificateImport.fromPem(pem(leaf), encrypted, "wrong".toCharArray(), NOW),
                "cert.keyPasswordWrong", "password", "cannot decrypt the private key: wrong password?");
        assertThat(ServerCertificateImport.fromPem(pem(leaf), encrypted, "key-secret".toCharArray(), NOW).leaf()).isEqualTo(leaf);
    }

    @Test
    void aPkcs12FileIsTakenWithItsPasswordAndRefusedWithAWrongOne() throws Exception {
        KeyPair server = rsa();
        X509Certificate leaf = selfSigned(server, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(365)));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", server.getPrivate(), "p12-secret".toCharArray(), new Certificate[] {leaf});
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        store.store(file, "p12-secret".toCharArray());

        assertThat(ServerCertificateImport.fromPkcs12(file.toByteArray(), "p12-secret".toCharArray(), NOW).leaf()).isEqualTo(leaf);
        assertRejected(() -> ServerCertificateImport.fromPkcs12(file.toByteArray(), "wrong".toCharArray(), NOW),
                "cert.badPkcs12", "pkcs12", "not a PKCS#12 file, or the password is wrong");
        assertRejected(() -> ServerCertificateImport.fromPkcs12("not pkcs12".getBytes(), new char[0], NOW),
                "cert.badPkcs12", "pkcs12", "not a PKCS#12 file, or the password is wrong");
    }

    @Test
    void theInstalledCertificateIsWhatTheServersTlsLoadsAndRevertingBringsTheGeneratedOneBack() throws Exception {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put("tls", "ON");
        properties.put("port", 4711);
        ServerCertificateInstaller installer = new ServerCertificateInstaller(configurationAdmin(properties), data);
        assertThat(installer.source()).isEqualTo(ServerCertificateInstaller.Source.GENERATED);
        KeyPair server = rsa();
        X509Certificate leaf = selfSigned(server, Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(365)));

        installer.install(ServerCertificateImport.fromPem(pem(leaf), pem(server.getPrivate()), new char[0], Instant.now()));

        assertThat(properties.get("port")).as("other settings kept").isEqualTo(4711);
        assertThat(installer.source()).isEqualTo(ServerCertificateInstaller.Source.IMPORTED);
        assertThat(installer.tlsMode()).isEqualTo("ON");
        ServerSettings settings = ServerSettings.forTest(data).withTls(TlsMode.ON).withCertificate(
                Path.of((String) properties.get("certificateFile")), Path.of((String) properties.get("privateKeyFile")), new char[0]);
        KeyStore loaded = ServerKeyMaterial.load(settings, "x".toCharArray());
        assertThat(loaded.getCertificate(ServerKeyMaterial.ALIAS)).isEqualTo(leaf);
        assertThat(loaded.getKey(ServerKeyMaterial.ALIAS, "x".toCharArray())).isEqualTo(server.getPrivate());
        assertThat(data.resolve("ocpp-server/imported-key.pem")).isReadable();
        assertThat(installer.storedCertificates()).containsExactly(leaf);

        installer.revertToGenerated();
        assertThat(installer.source()).isEqualTo(ServerCertificateInstaller.Source.GENERATED);
        assertThat(properties.get("certificateFile")).isEqualTo("");
        assertThat(data.resolve("ocpp-server/imported-key.pem")).doesNotExist();
    }

    private interface Call {
        Object run() throws Exception;
    }

    private static void assertRejected(Call call, String code, String field, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ServerCertificateImport.Rejected.class, rejected -> {
            assertThat(rejected.code()).isEqualTo(code);
            assertThat(rejected.field()).isEqualTo(field);
            assertThat(rejected.getMessage()).isEqualTo(message);
        });
    }

    /** A ConfigurationAdmin with the one OCPP server configuration, kept in {@code properties}. */
    private static ConfigurationAdmin configurationAdmin(Dictionary<String, Object> properties) {
        Configuration configuration = (Configuration) Proxy.newProxyInstance(ServerCertificateImportTest.class.getClassLoader(),
                new Class<?>[] {Configuration.class}, (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "getProperties" -> {
                            Hashtable<String, Object> copy = new Hashtable<>();
                            for (String key : java.util.Collections.list(properties.keys())) {
                                copy.put(key, properties.get(key));
                            }
                            return copy;
                        }
                        case "update" -> {
                            @SuppressWarnings("unchecked")
                            Dictionary<String, Object> update = (Dictionary<String, Object>) args[0];
                            for (String key : java.util.Collections.list(update.keys())) {
                                properties.put(key, update.get(key));
                            }
                            return null;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                });
        return (ConfigurationAdmin) Proxy.newProxyInstance(ServerCertificateImportTest.class.getClassLoader(),
                new Class<?>[] {ConfigurationAdmin.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConfiguration") && ServerCertificateInstaller.PID.equals(args[0])) {
                        return configuration;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair pair, Instant from, Instant to) throws Exception {
        return certificate("CN=cm.example.org", pair, "CN=cm.example.org", pair, from, to);
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey,
            Instant from, Instant to) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(System.nanoTime()), Date.from(from), Date.from(to), new X500Name(subject), subjectKey.getPublic());
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate())));
    }

    private static String pem(Object... objects) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        }
        return text.toString();
    }

    private static String encryptedPem(KeyPair pair, String password) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(pair.getPrivate(), new JceOpenSSLPKCS8EncryptorBuilder(
                    JcaPKCS8Generator.AES_256_CBC).setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword(password.toCharArray()).build()));
        }
        return text.toString();
    }
}
