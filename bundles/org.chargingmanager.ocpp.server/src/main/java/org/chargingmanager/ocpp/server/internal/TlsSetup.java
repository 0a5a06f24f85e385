package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;

import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Jetty's TLS settings: TLS 1.2 and 1.3 only, forward-secret AEAD suites (plus the RSA GCM suites OCPP's security whitepaper demands). */
final class TlsSetup {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    static final String[] CIPHER_SUITES = {
        "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
        "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
        "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
        // required by the OCPP 1.6 security whitepaper for profiles 2 and 3
        "TLS_RSA_WITH_AES_128_GCM_SHA256", "TLS_RSA_WITH_AES_256_GCM_SHA384"};

    private TlsSetup() {
    }

    static SslContextFactory.Server contextFactory(ServerSettings settings) throws IOException, GeneralSecurityException {
        return contextFactory(settings, java.util.List.of());
    }

    /**
     * @param chargePointCas CA certificates trusted for client certificates besides the configured
     *        client CA file (the charge-point CA that signs SignCertificate requests)
     */
    static SslContextFactory.Server contextFactory(ServerSettings settings, java.util.List<java.security.cert.X509Certificate> chargePointCas)
            throws IOException, GeneralSecurityException {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        char[] storePassword = Base64.getEncoder().encodeToString(random).toCharArray();
        KeyStore keyStore = ServerKeyMaterial.load(settings, storePassword);
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setKeyStore(keyStore);
        factory.setKeyStorePassword(new String(storePassword));
        factory.setKeyManagerPassword(new String(storePassword));
        factory.setCertAlias(ServerKeyMaterial.ALIAS);
        factory.setIncludeProtocols(PROTOCOLS);
        factory.setIncludeCipherSuites(CIPHER_SUITES);
        factory.setExcludeCipherSuites();
        factory.setSniRequired(false);
        factory.setRenegotiationAllowed(false);
        if (settings.clientCaFile() != null || (settings.requireClientCertificate() && !chargePointCas.isEmpty())) {
            KeyStore trust = settings.clientCaFile() != null ? ServerKeyMaterial.trustStore(settings.clientCaFile())
                    : emptyStore();
            int index = 0;
            for (java.security.cert.X509Certificate ca : chargePointCas) {
                trust.setCertificateEntry("charge-point-ca-" + index++, ca);
            }
            factory.setTrustStore(trust);
            if (settings.requireClientCertificate()) {
                factory.setNeedClientAuth(true);
            } else {
                factory.setWantClientAuth(true);
            }
        }
        return factory;
    }

    private static KeyStore emptyStore() throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }
}
