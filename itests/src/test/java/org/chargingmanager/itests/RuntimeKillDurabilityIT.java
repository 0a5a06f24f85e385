package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Issue 6's durability promise at the level of the whole runtime: a charge point drives a stream
 * of transactions over a real OCPP 1.6J WebSocket, the runtime's JVM is killed with SIGKILL in the
 * middle of it, and after a restart on the same data directory every start and stop whose
 * CALLRESULT the charge point received is in the log, complete. A start that was acknowledged
 * without its stop is then closed by a StopTransaction sent after the reboot.
 */
public class RuntimeKillDurabilityIT {

    private static final String CHARGE_BOX = "KILL-CP";
    private static final String EVSE = "ocpp-" + CHARGE_BOX + "-1";
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    @Test
    public void everyAcknowledgedTransactionSurvivesSigkill() throws Exception {
        Map<Long, Integer> startedMeter = new ConcurrentHashMap<>();
        Map<Long, Integer> stoppedMeter = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        RuntimeProcess first = RuntimeProcess.start("kill-durability");
        java.nio.file.Path directory = first.directory;
        try {
            awaitApi(first);
            OcppClient cp = OcppClient.connect(first.ocppPort(), CHARGE_BOX);
            assertTrue(cp.call("BootNotification", "{\"chargePointVendor\":\"IT\",\"chargePointModel\":\"Kill\"}")
                    .get(10, TimeUnit.SECONDS).contains("Accepted"));
            AtomicBoolean running = new AtomicBoolean(true);
            Thread stream = new Thread(() -> {
                for (int i = 1; running.get(); i++) {
                    try {
                        int meterStart = i * 10_000;
                        sent.incrementAndGet();
                        JsonArray start = cp.callResult("StartTransaction", "{\"connectorId\":1,\"idTag\":\"KILL-" + i
                                + "\",\"meterStart\":" + meterStart + ",\"timestamp\":\"" + Instant.now() + "\"}");
                        if (start == null) {
                            continue;
                        }
                        long id = start.get(2).getAsJsonObject().get("transactionId").getAsLong();
                        startedMeter.put(id, meterStart);
                        int meterStop = meterStart + 1_000 + i;
                        JsonArray stop = cp.callResult("StopTransaction", "{\"transactionId\":" + id
                                + ",\"meterStop\":" + meterStop + ",\"timestamp\":\"" + Instant.now()
                                + "\",\"reason\":\"EVDisconnected\"}");
                        if (stop != null) {
                            stoppedMeter.put(id, meterStop);
                        }
                    } catch (Exception e) {
                        return; // the runtime is gone
                    }
                }
            }, "ocpp-stream");
            stream.setDaemon(true);
            stream.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            // 20 complete transactions, or what a slow shared machine manages in 15 s
            while (stoppedMeter.size() < 20 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue("transactions were acknowledged before the kill: " + stoppedMeter.size(),
                    stoppedMeter.size() >= 3);
            first.kill(); // mid-stream: the charge point is still sending
            running.set(false);
            stream.join(TimeUnit.SECONDS.toMillis(15));
            assertFalse(stream.isAlive());
            cp.abort();
        } finally {
            first.close();
        }
        Map<Long, Integer> starts = Map.copyOf(startedMeter);
        Map<Long, Integer> stops = Map.copyOf(stoppedMeter);

        try (RuntimeProcess second = RuntimeProcess.start(directory, "console-after-kill.log")) {
            awaitApi(second);
            Map<Long, JsonObject> logged = transactions(second);
            for (Map.Entry<Long, Integer> start : starts.entrySet()) {
                JsonObject t = logged.get(start.getKey());
                assertNotNull("acknowledged start of transaction " + start.getKey() + " is in the log", t);
                assertEquals(EVSE, t.get("evseId").getAsString());
                assertEquals(CHARGE_BOX, t.get("chargeBoxId").getAsString());
                assertEquals(start.getValue().intValue(), t.get("meterStartWattHours").getAsInt());
                assertEquals("KILL-" + start.getValue() / 10_000, t.get("idTag").getAsString());
                Integer stop = stops.get(start.getKey());
                if (stop != null) {
                    assertFalse("acknowledged stop of " + start.getKey() + " has an end", t.get("end").isJsonNull());
                    assertEquals(stop.intValue(), t.get("meterStopWattHours").getAsInt());
                    assertEquals(stop - start.getValue(), t.get("energyWattHours").getAsInt());
                    assertEquals("EVDisconnected", t.get("stopReason").getAsString());
                }
            }
            System.out.printf("RuntimeKillDurabilityIT: %d StartTransaction sent, %d starts and %d stops acknowledged"
                    + " before SIGKILL, %d transactions in the log after the restart%n", sent.get(), starts.size(),
                    stops.size(), logged.size());

            // a session acknowledged open before the kill: the StopTransaction sent after the reboot
            // closes it; if its first StopTransaction was committed but not acknowledged before the
            // kill, the repeated one is confirmed and leaves it as it was
            OcppClient cp = OcppClient.connect(second.ocppPort(), CHARGE_BOX);
            cp.call("BootNotification", "{\"chargePointVendor\":\"IT\",\"chargePointModel\":\"Kill\"}")
                    .get(10, TimeUnit.SECONDS);
            for (Map.Entry<Long, Integer> start : starts.entrySet()) {
                if (stops.containsKey(start.getKey())) {
                    continue;
                }
                JsonObject before = logged.get(start.getKey());
                int meterStop = start.getValue() + 777;
                assertNotNull(cp.callResult("StopTransaction", "{\"transactionId\":" + start.getKey()
                        + ",\"meterStop\":" + meterStop + ",\"timestamp\":\"" + Instant.now()
                        + "\",\"reason\":\"Reboot\"}"));
                JsonObject after = transactions(second).get(start.getKey());
                if (before.get("end").isJsonNull()) {
                    assertEquals(meterStop, after.get("meterStopWattHours").getAsInt());
                    assertEquals("Reboot", after.get("stopReason").getAsString());
                    System.out.println("RuntimeKillDurabilityIT: open transaction " + start.getKey()
                            + " closed after the restart");
                } else {
                    int sentStop = start.getValue() + 1_000 + start.getValue() / 10_000;
                    assertEquals(sentStop, before.get("meterStopWattHours").getAsInt());
                    assertEquals(before, after);
                    System.out.println("RuntimeKillDurabilityIT: stop of " + start.getKey()
                            + " was committed before the kill without its acknowledgement; the repeat left it as is");
                }
            }
            cp.abort();
        } catch (AssertionError | Exception e) { // NOPMD the consoles explain a failure
            for (String name : new String[] { "console.log", "console-after-kill.log" }) {
                if (Files.exists(directory.resolve(name))) {
                    System.out.println("--- " + name + "\n" + Files.readString(directory.resolve(name)));
                }
            }
            throw e;
        }
    }

    private static void awaitApi(RuntimeProcess runtime) throws InterruptedException {
        Await.until("the transactions API", Duration.ofSeconds(30),
                () -> runtime.status("/api/v1/transactions?limit=1") == 200);
    }

    /** Every transaction of the test's charging point, by id, through the JSON listing. */
    private static Map<Long, JsonObject> transactions(RuntimeProcess runtime) throws Exception {
        Map<Long, JsonObject> all = new java.util.HashMap<>();
        long offset = 0;
        while (true) {
            HttpResponse<String> page = runtime.get("/api/v1/transactions?evse=" + EVSE + "&limit=1000&offset=" + offset);
            assertEquals(page.body(), 200, page.statusCode());
            JsonObject body = JsonParser.parseString(page.body()).getAsJsonObject();
            for (JsonElement t : body.getAsJsonArray("transactions")) {
                all.put(t.getAsJsonObject().get("id").getAsLong(), t.getAsJsonObject());
            }
            if (body.get("next").isJsonNull()) {
                return all;
            }
            offset = body.get("next").getAsLong();
        }
    }

    /** A minimal OCPP 1.6J charge point: one call at a time, as the specification asks. */
    static final class OcppClient implements WebSocket.Listener {

        private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
        private final StringBuilder text = new StringBuilder();
        private final AtomicInteger ids = new AtomicInteger();
        private WebSocket socket;
        /** The JDK WebSocket takes one send at a time: every frame waits for the one before. */
        private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

        private synchronized void send(String frame) {
            lastSend = lastSend.handle((result, error) -> null).thenCompose(ignored -> socket.sendText(frame, true));
        }

        static OcppClient connect(int port, String chargeBoxId) throws Exception {
            OcppClient client = new OcppClient();
            client.socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("ocpp1.6")
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/" + chargeBoxId), client)
                    .get(10, TimeUnit.SECONDS);
            assertEquals("ocpp1.6", client.socket.getSubprotocol());
            return client;
        }

        CompletableFuture<String> call(String action, String payload) {
            String id = "m" + ids.incrementAndGet();
            CompletableFuture<String> answer = new CompletableFuture<>();
            pending.put(id, answer);
            send("[2,\"" + id + "\",\"" + action + "\"," + payload + "]");
            return answer;
        }

        /** The CALLRESULT, or {@code null} for a CALLERROR; throws if none arrives. */
        JsonArray callResult(String action, String payload) throws Exception {
            JsonArray frame = JsonParser.parseString(call(action, payload)
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).getAsJsonArray();
            return frame.get(0).getAsInt() == 3 ? frame : null;
        }

        void abort() {
            socket.abort();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                String frame = text.toString();
                text.setLength(0);
                JsonArray array = JsonParser.parseString(frame).getAsJsonArray();
                int type = array.get(0).getAsInt();
                if (type == 3 || type == 4) {
                    CompletableFuture<String> answer = pending.remove(array.get(1).getAsString());
                    if (answer != null) {
                        answer.complete(frame);
                    }
                } else if (type == 2) { // a call from the central system: accept it, as a wallbox would
                    String action = array.get(2).getAsString();
                    send("[3," + array.get(1) + "," + ("GetConfiguration".equals(action) ? "{}" : "{\"status\":\"Accepted\"}") + "]");
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            pending.values().forEach(f -> f.completeExceptionally(error));
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            pending.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed " + statusCode)));
            return null;
        }
    }
}
