package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.testkit.Await;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.BootNotificationRequest;

/**
 * OCPP through the SMGW, the gateway's side: with a CLS channel (offered by the SMGW bundle as a local HTTP CONNECT
 * proxy; here a CONNECT proxy of the test) the upstream WebSocket goes through it to the backend. The SMGW bundle's
 * tests carry the same WebSocket on through SOCKS5 and TLS CLS proxies.
 */
class ClsChannelRouteTest {

    @TempDir
    Path directory;
    private final GatewayTestSupport support = new GatewayTestSupport();
    private final List<String> connects = new CopyOnWriteArrayList<>();
    private OcaBackend backend;
    private Gateway gateway;
    private ServerSocket proxy;

    @AfterEach
    void tearDown() throws IOException {
        if (gateway != null) {
            gateway.close();
        }
        if (backend != null) {
            backend.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void theUpstreamConnectionGoesThroughTheClsChannel() throws Exception {
        backend = new OcaBackend(OcaBackend.freePort(), null);
        proxy = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        Thread accept = new Thread(this::acceptLoop);
        accept.setDaemon(true);
        accept.start();
        support.evses.put("sim-1", FakeEvse.threePhase("sim-1", support.clock));
        gateway = new Gateway(GatewayTestSupport.settings("ws://127.0.0.1:" + backend.port + "/ocpp", "CB-CLS", "",
                "FIXED1", "sim-1"), directory, support.evses::get, support.clock, 20,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.getLocalPort()));
        Await.until("booted through the CLS channel", Duration.ofSeconds(30),
                () -> !backend.received(BootNotificationRequest.class).isEmpty());
        assertThat(connects).containsExactly("CONNECT 127.0.0.1:" + backend.port + " HTTP/1.1");
    }

    private void acceptLoop() {
        while (!proxy.isClosed()) {
            try {
                Socket client = proxy.accept();
                new Thread(() -> tunnel(client)).start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void tunnel(Socket client) {
        try {
            InputStream in = client.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    return;
                }
                head.write(b);
            }
            String line = head.toString(StandardCharsets.ISO_8859_1).split("\r\n")[0];
            connects.add(line);
            String[] target = line.split(" ")[1].split(":");
            Socket upstream = new Socket(target[0], Integer.parseInt(target[1]));
            client.getOutputStream().write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            new Thread(() -> copy(upstream, client)).start();
            copy(client, upstream);
        } catch (IOException e) {
            // the test fails on the missing boot
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            in.transferTo(out);
        } catch (IOException closed) {
            // done
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
