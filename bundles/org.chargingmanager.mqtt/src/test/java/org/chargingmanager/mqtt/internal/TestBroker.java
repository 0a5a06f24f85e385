package org.chargingmanager.mqtt.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.moquette.broker.security.IAuthenticator;

/** A real MQTT broker (Moquette) on 127.0.0.1 and a free port, in memory, no telemetry. */
final class TestBroker implements AutoCloseable {

    private final Server server = new Server();
    final int port;
    /** The TLS port, or 0. */
    final int sslPort;

    private TestBroker(int port, IAuthenticator authenticator) throws IOException {
        this(port, authenticator, new Properties());
    }

    private TestBroker(int port, IAuthenticator authenticator, Properties extra) throws IOException {
        this.port = port;
        this.sslPort = extra.containsKey("ssl_port") ? Integer.parseInt(extra.getProperty("ssl_port")) : 0;
        Properties properties = new Properties();
        properties.putAll(extra);
        properties.setProperty("host", "127.0.0.1");
        properties.setProperty("port", String.valueOf(port));
        properties.setProperty("websocket_port", "disabled");
        properties.setProperty("persistence_enabled", "false");
        properties.setProperty("telemetry_enabled", "false");
        properties.setProperty("allow_anonymous", String.valueOf(authenticator == null));
        Path data = Files.createTempDirectory("moquette");
        properties.setProperty("data_path", data.toString());
        if (authenticator == null) {
            server.startServer(new MemoryConfig(properties));
        } else {
            server.startServer(new MemoryConfig(properties), List.of(), null, authenticator, null);
        }
    }

    static TestBroker start() throws IOException {
        return new TestBroker(freePort(), null);
    }

    /** A new broker on the port of one that was stopped. */
    static TestBroker startOn(int port) throws IOException {
        return new TestBroker(port, null);
    }

    /** Lets in only {@code user} with {@code password}. */
    static TestBroker withCredentials(String user, String password) throws IOException {
        return new TestBroker(freePort(), (clientId, username, secret) -> user.equals(username) && secret != null
                && password.equals(new String(secret, StandardCharsets.UTF_8)));
    }

    /** Also TLS on a second free port, with the key and certificate of a JKS key store. */
    static TestBroker withTls(Path keyStore, String password) throws IOException {
        Properties tls = new Properties();
        tls.setProperty("ssl_port", String.valueOf(freePort()));
        tls.setProperty("jks_path", keyStore.toAbsolutePath().toString());
        tls.setProperty("key_store_type", "jks");
        tls.setProperty("key_store_password", password);
        tls.setProperty("key_manager_password", password);
        tls.setProperty("ssl_provider", "JDK");
        return new TestBroker(freePort(), null, tls);
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
