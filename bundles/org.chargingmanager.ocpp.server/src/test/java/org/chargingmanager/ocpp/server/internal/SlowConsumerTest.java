package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.ocpp.v16.DataTransferConfirmation;
import org.chargingmanager.ocpp.v16.DataTransferStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Back-pressure over real WebSockets on loopback: a charge point that stops reading is
 * disconnected once its outgoing budget is full, one that floods CALLs is answered GenericError
 * and then disconnected; a well-behaved charge point on the same server is answered meanwhile.
 */
class SlowConsumerTest {

    @TempDir
    Path data;
    TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = TestSite.start(data);
        // 50,000 characters per answer: a few of them fill a socket that is not read
        site.dataTransferHandlers.put("big", (chargeBoxId, request) ->
                new DataTransferConfirmation(DataTransferStatus.ACCEPTED, "x".repeat(50_000)));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void aChargePointThatStopsReadingIsDisconnectedWithoutSlowingOthers() throws Exception {
        try (RawCharger other = RawCharger.booted(site, "READER");
                NonReadingCharger slow = new NonReadingCharger(site.server.port(), "SLOW")) {
            slow.sendCall("1", "BootNotification", "{\"chargePointVendor\":\"Slow\",\"chargePointModel\":\"Never reads\"}");
            TestSite.await("SLOW booted", () -> site.server.chargePoint("SLOW").map(s -> s.connected()).orElse(false));
            int sent = 0;
            long slowest = 0;
            for (int i = 0; i < 190 && slow.open(); i++) {
                if (slow.sendCall("d" + i, "DataTransfer", "{\"vendorId\":\"big\"}")) {
                    sent++;
                }
                if (i % 10 == 0) {
                    long start = System.nanoTime();
                    assertThat(other.call("Heartbeat", "{}")).startsWith("[3,");
                    slowest = Math.max(slowest, System.nanoTime() - start);
                }
            }
            TestSite.await("the server to drop the charge point that does not read",
                    () -> !site.server.chargePoint("SLOW").get().connected());
            assertThat(sent).as("CALLs written before the server gave up").isGreaterThan(10);
            assertThat(TimeUnit.NANOSECONDS.toMillis(slowest)).as("the reader's slowest round trip, ms").isLessThan(2000);
            assertThat(other.call("Heartbeat", "{}")).startsWith("[3,");
            assertThat(site.server.chargePoint("READER").get().connected()).isTrue();
        }
    }

    @Test
    void aFloodOfCallsIsAnsweredGenericErrorThenDisconnectedWhileOthersAreAnswered() throws Exception {
        try (RawCharger other = RawCharger.booted(site, "CALM"); RawCharger flood = RawCharger.booted(site, "FLOOD")) {
            // as fast as the socket takes them, until the server closes it (on a busy machine the flood
            // is slower, so it takes more CALLs to outrun the refill of 20 per second)
            try {
                for (int i = 0; i < 20_000 && !flood.closeCode.isDone(); i++) {
                    flood.send("[2,\"f" + i + "\",\"Heartbeat\",{}]");
                }
            } catch (java.util.concurrent.CompletionException closedMeanwhile) {
                // the server closed it before the last CALLs went out
            }
            try {
                assertThat(flood.closeCode.get(30, TimeUnit.SECONDS)).as("policy violation").isEqualTo(1008);
            } catch (java.util.concurrent.ExecutionException droppedWithoutCloseFrame) {
                // on a busy machine the flooder also reads its refusals too slowly: then the outgoing
                // budget ends it first, without a close frame (it could not be written anyway)
                assertThat(droppedWithoutCloseFrame).hasRootCauseInstanceOf(java.io.IOException.class);
            }
            TestSite.await("the flooder disconnected", () -> !site.server.chargePoint("FLOOD").get().connected());
            long results = flood.received.stream().filter(frame -> frame.startsWith("[3,")).count();
            long refusals = flood.received.stream().filter(frame -> frame.contains("\"GenericError\"")).count();
            assertThat(results).as("the burst is answered").isGreaterThanOrEqualTo(CallRateLimit.DEFAULT_BURST - 1);
            assertThat(refusals).as("then GenericError").isGreaterThan(0);
            assertThat(other.call("Heartbeat", "{}")).startsWith("[3,");
        }
    }

    /**
     * A charge point on a plain socket with a small receive buffer that writes its CALLs as
     * masked WebSocket frames and never reads a byte after the handshake.
     */
    static final class NonReadingCharger implements AutoCloseable {
        private final Socket socket = new Socket();
        private final OutputStream out;
        private boolean open = true;

        NonReadingCharger(int port, String chargeBoxId) throws IOException {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            out = socket.getOutputStream();
            out.write(("GET /ocpp/" + chargeBoxId + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder headers = new StringBuilder();
            while (!headers.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed during the handshake: " + headers);
                }
                headers.append((char) b);
            }
            if (!headers.toString().startsWith("HTTP/1.1 101")) {
                throw new IOException("handshake refused: " + headers);
            }
        }

        boolean open() {
            return open;
        }

        /** @return false once the server has closed the connection */
        boolean sendCall(String id, String action, String payload) {
            byte[] text = ("[2,\"" + id + "\",\"" + action + "\"," + payload + "]").getBytes(StandardCharsets.UTF_8);
            try {
                out.write(0x81);
                if (text.length < 126) {
                    out.write(0x80 | text.length);
                } else {
                    out.write(0x80 | 126);
                    out.write(text.length >> 8);
                    out.write(text.length & 0xff);
                }
                out.write(new byte[4]); // mask key 0: the payload goes as it is
                out.write(text);
                out.flush();
                return true;
            } catch (IOException closed) {
                open = false;
                return false;
            }
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
