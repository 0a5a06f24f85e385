package org.chargingmanager.ocpp.gateway.internal;

import java.io.IOException;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import javax.net.ssl.SSLContext;

/**
 * One JDK {@link HttpClient} per kind of connection (plain, or TLS with the same CA and client
 * certificate files), shared by the gateways: each client has its own selector thread and thread
 * pool, so hundreds of charge points towards one backend share a handful of threads.
 */
final class HttpClients {

    /** The files' modification times are part of the kind: a replaced certificate gives a new client. */
    private record Kind(boolean secure, String caCertificatesFile, String clientCertificateFile,
            String clientKeyFile, String fileVersions, java.net.InetSocketAddress proxy) {
    }

    private static final Map<Kind, HttpClient> CLIENTS = new HashMap<>();

    private HttpClients() {
    }

    private static String modified(String file) {
        if (file.isEmpty()) {
            return "";
        }
        try {
            return java.nio.file.Files.getLastModifiedTime(java.nio.file.Path.of(file)).toString();
        } catch (IOException | RuntimeException e) {
            return "missing"; // TlsContexts reports the missing file
        }
    }

    static HttpClient forSettings(GatewaySettings settings) throws IOException, GeneralSecurityException {
        return forSettings(settings, null);
    }

    /** @param proxy an HTTP CONNECT proxy to reach the backend through (the SMGW's CLS channel); null for none */
    static synchronized HttpClient forSettings(GatewaySettings settings, java.net.InetSocketAddress proxy)
            throws IOException, GeneralSecurityException {
        Kind kind = new Kind(settings.secure(), settings.caCertificatesFile(), settings.clientCertificateFile(),
                settings.clientKeyFile(), modified(settings.caCertificatesFile()) + "/"
                        + modified(settings.clientCertificateFile()) + "/" + modified(settings.clientKeyFile()), proxy);
        HttpClient client = CLIENTS.get(kind);
        if (client == null) {
            HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20));
            if (proxy != null) {
                builder.proxy(java.net.ProxySelector.of(proxy));
            }
            if (kind.secure()) {
                SSLContext tls = TlsContexts.create(settings);
                builder.sslContext(tls).sslParameters(TlsContexts.parameters(!kind.caCertificatesFile().isEmpty()));
            }
            client = builder.build();
            CLIENTS.put(kind, client);
        }
        return client;
    }
}
