package org.chargingmanager.ocpp.gateway.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS side of an upstream connection: with CA certificates configured the backend's
 * certificate must chain to one of them and name the host (security profile 2/3); without, any
 * certificate is accepted (encrypted, not authenticated). A client certificate and key make it
 * profile 3. TLS 1.2 and 1.3 only.
 */
final class TlsContexts {

    static final String[] PROTOCOLS = { "TLSv1.3", "TLSv1.2" };
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*([A-Za-z0-9+/=\\s]+?)-----END \\1-----");

    private TlsContexts() {
    }

    static SSLContext create(GatewaySettings settings) throws IOException, GeneralSecurityException {
        TrustManager[] trust = settings.caCertificatesFile().isEmpty() ? new TrustManager[] { new AnyCertificate() }
                : trustManagers(certificates(Path.of(settings.caCertificatesFile())));
        KeyManager[] keys = null;
        if (!settings.clientCertificateFile().isEmpty()) {
            if (settings.clientKeyFile().isEmpty()) {
                throw new GeneralSecurityException("clientCertificateFile needs clientKeyFile");
            }
            keys = keyManagers(certificates(Path.of(settings.clientCertificateFile())),
                    privateKey(Path.of(settings.clientKeyFile())));
        }
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys, trust, new SecureRandom());
        return context;
    }

    static SSLParameters parameters(boolean checkHostName) {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(PROTOCOLS);
        if (checkHostName) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        return parameters;
    }

    static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> result = new ArrayList<>();
        for (byte[] der : pemBlocks(Files.readString(file, StandardCharsets.US_ASCII), "CERTIFICATE")) {
            result.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        if (result.isEmpty()) {
            throw new GeneralSecurityException("no PEM certificate in " + file);
        }
        return result;
    }

    static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        List<byte[]> blocks = pemBlocks(Files.readString(file, StandardCharsets.US_ASCII), "PRIVATE KEY");
        if (blocks.isEmpty()) {
            throw new GeneralSecurityException("no unencrypted PKCS#8 key (BEGIN PRIVATE KEY) in " + file);
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(blocks.get(0));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException tryNext) {
                // another algorithm
            }
        }
        throw new GeneralSecurityException("the key in " + file + " is no RSA, EC or Ed25519 key");
    }

    private static List<byte[]> pemBlocks(String text, String type) {
        List<byte[]> blocks = new ArrayList<>();
        Matcher matcher = PEM.matcher(text);
        while (matcher.find()) {
            if (matcher.group(1).equals(type)) {
                blocks.add(Base64.getMimeDecoder().decode(matcher.group(2)));
            }
        }
        return blocks;
    }

    private static TrustManager[] trustManagers(List<X509Certificate> cas) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < cas.size(); i++) {
            store.setCertificateEntry("ca-" + i, cas.get(i));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return factory.getTrustManagers();
    }

    private static KeyManager[] keyManagers(List<X509Certificate> chain, PrivateKey key)
            throws IOException, GeneralSecurityException {
        char[] password = "chargingmanager".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, password);
        return factory.getKeyManagers();
    }

    /** Without CA certificates: encrypted but not authenticated, as the installer chose. */
    private static final class AnyCertificate extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }
    }
}
