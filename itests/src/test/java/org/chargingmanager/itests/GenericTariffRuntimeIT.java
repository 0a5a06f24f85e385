package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import org.junit.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;

/**
 * The generic JSON tariff in the standalone runtime, configured by a file in {@code etc/}: prices
 * from a local HTTP server on an ephemeral loopback port (with an API key in a header) become
 * the variable {@code PRICE} and show in {@code /api/v1/tariffs}; when the source then fails, the
 * prices cached on disk stay in use, the problem shows in {@code /api/v1/tariffs} and is logged
 * once, and the key is never logged.
 */
public class GenericTariffRuntimeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CONFIG = "etc/org.chargingmanager.tariff.generic-supplier.config";
    private static final String KEY = "Bearer it-s3cret-4711";

    private volatile int status = 200;

    @Test
    public void pricesFromAJsonUrlAndTheLastKnownOnesWhileTheSourceFails() throws Exception {
        // 24 hourly prices in ct/kWh from the current hour on: 20.00, 21.00, ...
        Instant hour = Instant.now().truncatedTo(ChronoUnit.HOURS);
        StringBuilder body = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 24; i++) {
            body.append(i == 0 ? "" : ",").append("{\"start\":\"").append(hour.plus(Duration.ofHours(i)))
                    .append("\",\"end\":\"").append(hour.plus(Duration.ofHours(i + 1))).append("\",\"price\":")
                    .append(20 + i).append("}");
        }
        body.append("]}");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/prices", exchange -> {
            boolean authorized = KEY.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"));
            byte[] answer = (authorized ? body.toString() : "{\"error\":\"key\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorized ? status : 401, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
        try {
            Path directory = StandaloneRuntime.testDirectory("generic-tariff");
            Path home = ModbusDriversRuntimeIT.copyRuntime(directory.resolve("home"));
            String config = "id=\"supplier\"\nurl=\"http://127.0.0.1:" + server.getAddress().getPort() + "/prices\"\n"
                    + "format=\"JSON\"\nslotsPath=\"$.data[*]\"\nstartField=\"start\"\nendField=\"end\"\n"
                    + "priceField=\"price\"\npriceUnit=\"CENTS_PER_KILOWATT_HOUR\"\ntimeFormat=\"ISO_OFFSET\"\n"
                    + "headerName=\"X-Api-Key\"\n.headerValue=\"" + KEY + "\"\n";
            Files.writeString(home.resolve(CONFIG), config + "ranking=I\"5\"\n");
            try (RuntimeProcess runtime = RuntimeProcess.start(home, directory, "console.log", Map.of())) {
                Await.until("PRICE = the price of this hour in get_cm_vars", TIMEOUT,
                        () -> Math.abs(price(runtime) - expected(hour)) < 1e-9);
                JsonObject tariff = tariff(runtime);
                assertEquals(tariff.toString(), "", tariff.get("problem").getAsString());
                assertEquals(24, tariff.get("slots").getAsInt());
                assertTrue(tariff.get("selected").getAsBoolean());
                assertTrue(Files.isRegularFile(directory.resolve("data/tariff/generic-supplier.json")));

                // the source fails; a changed configuration restarts the tariff from its cache
                status = 503;
                // written beside and moved in, so FileInstall never reads half a file
                Path changed = Files.writeString(directory.resolve("supplier.config"), config + "ranking=I\"6\"\n");
                Files.move(changed, home.resolve(CONFIG), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
                Await.until("the problem in /api/v1/tariffs", TIMEOUT, () -> {
                    JsonObject now = tariff(runtime);
                    return now != null && now.get("ranking").getAsInt() == 6
                            && now.get("problem").getAsString().equals("127.0.0.1: HTTP 503");
                });
                assertEquals(24, tariff(runtime).get("slots").getAsInt());
                assertEquals(expected(hour), price(runtime), 1e-9);
                String log = Files.readString(runtime.log);
                assertTrue(log, log.contains("Tariff 'supplier': cannot fetch prices from 127.0.0.1: HTTP 503"));
                assertEquals("logged once", log.indexOf("HTTP 503"), log.lastIndexOf("HTTP 503"));
                assertFalse("the key is never logged", log.contains("s3cret"));
                assertTrue(runtime.alive());
            }
        } finally {
            server.stop(0);
        }
    }

    /** 20 ct/kWh in the first hour, one more in each following. */
    private static double expected(Instant first) {
        return (20 + Duration.between(first, Instant.now()).toHours()) / 100.0;
    }

    private static JsonObject tariff(RuntimeProcess runtime) {
        try {
            HttpResponse<String> response = runtime.get("/api/v1/tariffs");
            JsonArray tariffs = JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("tariffs");
            for (JsonElement element : tariffs) {
                if (element.getAsJsonObject().get("id").getAsString().equals("supplier")) {
                    return element.getAsJsonObject();
                }
            }
            return null;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return null;
        }
    }

    private static double price(RuntimeProcess runtime) {
        try {
            HttpResponse<String> response = runtime.get("/cnf?cmd=get_cm_vars");
            for (JsonElement element : JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("vars")) {
                JsonObject variable = element.getAsJsonObject();
                if (variable.get("name").getAsString().equals("PRICE")) {
                    return variable.get("value").isJsonNull() ? Double.NaN : variable.get("value").getAsDouble();
                }
            }
            return Double.NaN;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
