package org.chargingmanager.smgw.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.JSONConfiguration;
import eu.chargetime.ocpp.JSONServer;
import eu.chargetime.ocpp.ServerEvents;
import eu.chargetime.ocpp.feature.profile.ServerCoreEventHandler;
import eu.chargetime.ocpp.feature.profile.ServerCoreProfile;
import eu.chargetime.ocpp.model.SessionInformation;
import eu.chargetime.ocpp.model.core.*;

/**
 * OCPP through the SMGW: a JDK WebSocket client (as the OCPP gateway uses) with the CLS tunnel as its proxy,
 * through a SOCKS5 proxy or a TLS-terminating CLS proxy (client certificate, target by SNI) started by the test,
 * to an OCPP backend written by others (Java-OCA-OCPP's JSONServer), which answers a BootNotification.
 */
class ClsTunnelTest {

    @TempDir
    Path directory;
    private JSONServer backend;
    private int backendPort;
    private final List<String> bootedVendors = new CopyOnWriteArrayList<>();
    private final List<String> identities = new CopyOnWriteArrayList<>();
    private ServerSocket clsProxy;
    private final List<String> clsTargets = new CopyOnWriteArrayList<>();
    private ClsTunnel tunnel;

    @BeforeEach
    void backend() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            backendPort = socket.getLocalPort();
        }
        backend = new JSONServer(new ServerCoreProfile(new Handler()), JSONConfiguration.get());
        backend.open("127.0.0.1", backendPort, new ServerEvents() {
            @Override
            public void authenticateSession(SessionInformation information, String username, byte[] password) {
                // no password: the SMGW channel is the authentication here
            }

            @Override
            public void newSession(UUID id, SessionInformation information) {
                identities.add(information.getIdentifier());
            }

            @Override
            public void lostSession(UUID id) {
            }
        });
    }

    @AfterEach
    void stop() throws IOException {
        if (tunnel != null) {
            tunnel.close();
        }
        if (clsProxy != null) {
            clsProxy.close();
        }
        backend.close();
    }

    @Test
    void ocppThroughASocks5ClsProxy() throws Exception {
        clsProxy = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        acceptLoop(this::socks5);
        SmgwKeys keys = SmgwKeys.load("", "", "", directory, "CN=chargingmanager");
        tunnel = new ClsTunnel(ClsTunnel.Mode.SOCKS5, new InetSocketAddress("127.0.0.1", clsProxy.getLocalPort()),
                keys.sslContext());
        boot("ws://127.0.0.1:" + backendPort + "/CB-SOCKS");
        assertThat(clsTargets).containsExactly("127.0.0.1:" + backendPort);
        assertThat(identities).contains("/CB-SOCKS");
    }

    @Test
    void ocppThroughATlsClsProxyThatDemandsOurCertificate() throws Exception {
        TestPki.Identity smgw = TestPki.selfSigned("CN=SMGW HAN", false);
        Path trusted = TestPki.pem(directory.resolve("smgw.pem"), smgw.certificate());
        SmgwKeys keys = SmgwKeys.load("", "", trusted.toString(), directory.resolve("keys"), "CN=chargingmanager");
        SSLServerSocket tls = (SSLServerSocket) TestPki.context(smgw, keys.certificate(), "TLS").getServerSocketFactory()
                .createServerSocket(0, 8, InetAddress.getLoopbackAddress());
        tls.setNeedClientAuth(true);
        clsProxy = tls;
        acceptLoop(client -> {
            SSLSocket secure = (SSLSocket) client;
            secure.startHandshake();
            String sni = ((ExtendedSSLSession) secure.getSession()).getRequestedServerNames().stream()
                    .map(name -> ((SNIHostName) name).getAsciiName()).findFirst().orElse("");
            clsTargets.add(sni + " by " + secure.getSession().getPeerPrincipal().getName());
            // the gateway administrator bound this CLS to the backend: forward there
            relay(secure, new Socket(InetAddress.getLoopbackAddress(), backendPort));
        });
        tunnel = new ClsTunnel(ClsTunnel.Mode.TLS, new InetSocketAddress("127.0.0.1", tls.getLocalPort()),
                keys.sslContext());
        boot("ws://localhost:" + backendPort + "/CB-TLS");
        assertThat(clsTargets).containsExactly("localhost by CN=chargingmanager");
    }

    @Test
    void aClsProxyThatIsDownGivesTheClientAnError() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        SmgwKeys keys = SmgwKeys.load("", "", "", directory, "CN=chargingmanager");
        tunnel = new ClsTunnel(ClsTunnel.Mode.SOCKS5, new InetSocketAddress("127.0.0.1", closedPort), keys.sslContext());
        CompletableFuture<WebSocket> socket = client().newWebSocketBuilder().subprotocols("ocpp1.6")
                .buildAsync(URI.create("ws://127.0.0.1:" + backendPort + "/CB-X"), new WebSocket.Listener() {
                });
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> socket.get(20, TimeUnit.SECONDS))
                .hasMessageContaining("502");
        assertThat(identities).isEmpty();
    }

    private HttpClient client() {
        return HttpClient.newBuilder().proxy(ProxySelector.of(tunnel.address())).build();
    }

    private void boot(String url) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket socket = client().newWebSocketBuilder().subprotocols("ocpp1.6")
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            answer.complete(text.toString());
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(20, TimeUnit.SECONDS);
        assertThat(socket.getSubprotocol()).isEqualTo("ocpp1.6");
        socket.sendText("[2,\"1\",\"BootNotification\",{\"chargePointVendor\":\"ChargingManager\","
                + "\"chargePointModel\":\"Gateway\"}]", true);
        String result = answer.get(20, TimeUnit.SECONDS);
        assertThat(result).startsWith("[3,\"1\",").contains("\"status\":\"Accepted\"");
        assertThat(bootedVendors).containsExactly("ChargingManager");
        socket.abort();
    }

    interface Connection {
        void serve(Socket client) throws IOException;
    }

    private void acceptLoop(Connection connection) {
        Thread thread = new Thread(() -> {
            while (!clsProxy.isClosed()) {
                try {
                    Socket client = clsProxy.accept();
                    new Thread(() -> {
                        try {
                            connection.serve(client);
                        } catch (IOException e) {
                            closeQuietly(client);
                        }
                    }).start();
                } catch (IOException closed) {
                    return;
                }
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    /** A SOCKS5 server (RFC 1928): no authentication, CONNECT by domain name or IPv4. */
    private void socks5(Socket client) throws IOException {
        DataInputStream in = new DataInputStream(client.getInputStream());
        OutputStream out = client.getOutputStream();
        int methods = in.readUnsignedByte() == 5 ? in.readUnsignedByte() : -1;
        in.readFully(new byte[Math.max(0, methods)]);
        out.write(new byte[] { 5, 0 });
        in.readUnsignedByte();
        int command = in.readUnsignedByte();
        in.readUnsignedByte();
        int type = in.readUnsignedByte();
        String host;
        if (type == 3) {
            byte[] name = new byte[in.readUnsignedByte()];
            in.readFully(name);
            host = new String(name, StandardCharsets.US_ASCII);
        } else {
            byte[] address = new byte[4];
            in.readFully(address);
            host = InetAddress.getByAddress(address).getHostAddress();
        }
        int port = in.readUnsignedShort();
        clsTargets.add(host + ":" + port);
        Socket target = command == 1 ? new Socket(host, port) : null;
        out.write(new byte[] { 5, (byte) (target == null ? 7 : 0), 0, 1, 0, 0, 0, 0, 0, 0 });
        out.flush();
        if (target != null) {
            relay(client, target);
        }
    }

    private static void relay(Socket a, Socket b) {
        new Thread(() -> copy(a, b)).start();
        new Thread(() -> copy(b, a)).start();
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // done
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private final class Handler implements ServerCoreEventHandler {
        @Override
        public AuthorizeConfirmation handleAuthorizeRequest(UUID id, AuthorizeRequest request) {
            return null;
        }

        @Override
        public BootNotificationConfirmation handleBootNotificationRequest(UUID id, BootNotificationRequest request) {
            bootedVendors.add(request.getChargePointVendor());
            return new BootNotificationConfirmation(ZonedDateTime.now(), 300, RegistrationStatus.Accepted);
        }

        @Override
        public DataTransferConfirmation handleDataTransferRequest(UUID id, DataTransferRequest request) {
            return null;
        }

        @Override
        public HeartbeatConfirmation handleHeartbeatRequest(UUID id, HeartbeatRequest request) {
            return new HeartbeatConfirmation(ZonedDateTime.now());
        }

        @Override
        public MeterValuesConfirmation handleMeterValuesRequest(UUID id, MeterValuesRequest request) {
            return null;
        }

        @Override
        public StartTransactionConfirmation handleStartTransactionRequest(UUID id, StartTransactionRequest request) {
            return null;
        }

        @Override
        public StatusNotificationConfirmation handleStatusNotificationRequest(UUID id, StatusNotificationRequest request) {
            return null;
        }

        @Override
        public StopTransactionConfirmation handleStopTransactionRequest(UUID id, StopTransactionRequest request) {
            return null;
        }
    }
}
