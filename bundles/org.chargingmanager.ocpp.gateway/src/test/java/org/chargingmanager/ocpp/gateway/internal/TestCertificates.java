package org.chargingmanager.ocpp.gateway.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates for the tests, made with the JDK's keytool: {@code backend} (CN=localhost,
 * SAN localhost and 127.0.0.1), {@code stranger} (the same names, another key) and {@code client}
 * (CN=CB-TLS, with its key also as a PKCS#8 PEM for the gateway's client certificate).
 */
final class TestCertificates {

    private static final char[] PASSWORD = "changeit".toCharArray();
    final Path directory;

    TestCertificates(Path directory) throws Exception {
        this.directory = directory;
        make("backend", "CN=localhost");
        make("stranger", "CN=localhost");
        make("client", "CN=CB-TLS");
        PrivateKey key = (PrivateKey) store("client").getKey("client", PASSWORD);
        Files.writeString(directory.resolve("client-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
    }

    Path pem(String name) {
        return directory.resolve(name + ".pem");
    }

    private void make(String name, String dname) throws Exception {
        run("keytool", "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname", dname, "-ext",
                "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                directory.resolve(name + ".p12").toString(), "-storepass", "changeit", "-keypass", "changeit");
        run("keytool", "-exportcert", "-rfc", "-alias", name, "-keystore", directory.resolve(name + ".p12").toString(),
                "-storepass", "changeit", "-file", pem(name).toString());
    }

    private KeyStore store(String name) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(directory.resolve(name + ".p12"))) {
            store.load(in, PASSWORD);
        }
        return store;
    }

    /** The backend's server context; with {@code trustedClient}, client certificates are checked against it. */
    SSLContext backendContext(String trustedClient) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store("backend"), PASSWORD);
        TrustManagerFactory trust = null;
        if (trustedClient != null) {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("client", store(trustedClient).getCertificate(trustedClient));
            trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
        return context;
    }

    private static void run(String... command) throws Exception {
        List<String> full = new ArrayList<>(List.of(command));
        full.set(0, Path.of(System.getProperty("java.home"), "bin", command[0]).toString());
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + output);
        }
    }
}
